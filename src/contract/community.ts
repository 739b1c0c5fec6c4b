import * as v from 'valibot'
// From the index, not './common': the app's pages import these from async chunks, and a direct import of an
// inner module would stop webpack from concatenating it into the first-screen bundle (measured: ~0.8 KB gzip).
import {
  Id,
  IsoDateTime,
  LevelCode,
  NO_CONTROL_CHARACTERS,
  NonNegativeInt,
  PlainText,
  PositiveInt,
  Post,
} from './index'

// The community's writes (domain-rules.md, Community). The feed, Post and Topic are in catalog.ts; the check-in
// challenge and its certificates in challenge.ts.

// Paragraphs live here rather than beside PlainText in common.ts: only the community's writes take them, and
// common.ts is on the first screen (the weapp main package), which must not carry them.

/** Blank lines kept in a row in multi-line text; a longer run is cut to this many. */
const MULTILINE_BLANK_LINES_MAX = 2

/**
 * Line breaks the way every platform ends up with them: \r\n and \r become \n; blank lines before the first
 * line and whitespace after the last are dropped (they would show as empty lines); runs of more than
 * MULTILINE_BLANK_LINES_MAX blank lines (empty or only spaces) are cut to that many.
 */
const normalizeLineBreaks = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[^\S\n]*\n)+/, '')
    .trimEnd()
    .replace(
      new RegExp(`\\n(?:[^\\S\\n]*\\n){${MULTILINE_BLANK_LINES_MAX + 1},}`, 'g'),
      '\n'.repeat(MULTILINE_BLANK_LINES_MAX + 1),
    )

/**
 * Text in paragraphs (a post, a comment): PlainText (common.ts) that may also hold line breaks, normalised
 * (normalizeLineBreaks). Every other control character is still refused; single-line fields (nicknames,
 * addresses, topics, notes) stay PlainText. Limits on the length apply to the normalised text.
 */
export const MultilineText = v.pipe(
  v.string(),
  v.transform(normalizeLineBreaks),
  v.check(
    // PlainText's set without \n (U+000A).
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    (text) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text),
    NO_CONTROL_CHARACTERS,
  ),
)

/**
 * How the contract words each refusal of a post's or a comment's text (details.fields.text). The app maps these
 * to its own words in the UI language and never shows them as they are; a backend may refuse for other reasons
 * too (a comment's content review), which the app words generally.
 */
export const TEXT_REFUSALS = {
  empty: 'at least 1 character',
  blank: 'not blank',
  tooLong: 'too many characters',
  controlCharacters: NO_CONTROL_CHARACTERS,
} as const

/**
 * Text that says nothing: blank, or only zero-width characters (spaces, joiners, the byte order mark), which show as
 * an empty post or comment. The app checks it before sending with this same function.
 */
export const isBlankText = (text: string): boolean => text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim() === ''

/** What people type must say something: blank text is no post and no comment. */
const notBlank = v.check((text: string) => !isBlankText(text), TEXT_REFUSALS.blank)

/** A post's or a comment's text: paragraphs (line breaks kept, normalised), up to `max` characters. */
const paragraphs = (max: number) =>
  v.pipe(MultilineText, v.minLength(1, TEXT_REFUSALS.empty), v.maxLength(max, TEXT_REFUSALS.tooLong), notBlank)

/** One of our own uploads (the URL `POST /uploads` answered): never a data:, javascript: or third-party URL. */
export const UploadUrl = v.pipe(
  v.string(),
  v.maxLength(500),
  v.regex(
    /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/api\/v1\/uploads\/[A-Za-z0-9_-]{1,100}\.(?:jpg|png|webp)$/,
    'an image uploaded to this server',
  ),
)

export const POST_TEXT_MAX = 1000
export const POST_IMAGES_MAX = 9
export const COMMENT_TEXT_MAX = 300
/** Per image, checked on the bytes the server received. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024

export const CreatePostRequest = v.object({
  text: paragraphs(POST_TEXT_MAX),
  images: v.optional(v.pipe(v.array(UploadUrl), v.maxLength(POST_IMAGES_MAX, 'at most 9 images')), []),
  topic: v.optional(v.pipe(PlainText, v.minLength(1), v.maxLength(40))),
  productId: v.optional(Id),
})
export type CreatePostRequest = v.InferInput<typeof CreatePostRequest>

/**
 * A post as its author reads it (我的笔记, its own page, the answer to publishing): a Post, and `isRemoved` on one the
 * operator took down after it was published (reports hid it, the review removed it): `status` stays `rejected` (the
 * four statuses of api-contract.md) with the operator's reason in `rejectReason`, but it is not a draft turned down
 * before anyone saw it, so the app says 已被移除 and offers no 修改后重发. Only ever true for the author's own post (no
 * one else can open a rejected one); a backend that never sends it means false.
 */
export const OwnPost = v.object({ ...Post.entries, isRemoved: v.optional(v.boolean(), false) })
export type OwnPost = v.InferOutput<typeof OwnPost>

export const LikeState = v.object({ likeCount: NonNegativeInt, likedByMe: v.boolean() })
export type LikeState = v.InferOutput<typeof LikeState>

const CommentAuthor = v.object({ id: Id, nickname: v.string(), avatarUrl: v.string(), levelCode: LevelCode })

export const CommentReply = v.object({
  id: Id,
  postId: Id,
  author: CommentAuthor,
  text: v.string(),
  /** The top-level comment this one answers; null for a top-level comment. */
  replyTo: v.nullable(Id),
  /**
   * A reply to a reply (replies are one level deep, so it hangs from the top-level comment): the member it answers.
   * Null for a top-level comment and for a reply to one; a backend that never sends it means null.
   */
  replyToMember: v.optional(v.nullable(v.object({ id: Id, nickname: v.string() })), null),
  createdAt: IsoDateTime,
  /**
   * Hidden by reports (5 distinct members) and waiting for the operator's review: answered only to its author, who
   * still reads their words, marked (nobody else is answered it, or only its placeholder). A backend that never sends
   * it means false.
   */
  isPendingReview: v.optional(v.boolean(), false),
  /**
   * Hidden by reports, then removed by the operator's review: answered only to its author (to everyone else it is gone,
   * or its replies' placeholder), who reads their words marked as removed with the operator's reason in
   * `removedReason`, as a removed post's author does. A backend that never sends them means false and null.
   */
  isRemoved: v.optional(v.boolean(), false),
  removedReason: v.optional(v.nullable(v.string()), null),
})
export type CommentReply = v.InferOutput<typeof CommentReply>

/**
 * A top-level comment with its replies (one level deep), oldest first like a conversation. One its author deleted
 * while it had replies stays as their placeholder: `isDeleted`, no author, no text (a backend that never keeps one
 * need not send `isDeleted`). One hidden by reports (5 distinct members) or removed by the operator while replies are
 * shown is their placeholder the same way, `isHidden`; without replies shown it is left out, as is a hidden reply. Its
 * author alone is answered their hidden comment or reply as it is, with `isPendingReview` until the operator decides,
 * then, if removed, with `isRemoved` and `removedReason`.
 */
export const Comment = v.object({
  ...CommentReply.entries,
  author: v.nullable(CommentAuthor),
  isDeleted: v.optional(v.boolean(), false),
  isHidden: v.optional(v.boolean(), false),
  replies: v.array(CommentReply),
})
export type Comment = v.InferOutput<typeof Comment>

export const CommentPage = v.object({ items: v.array(Comment), nextCursor: v.nullable(v.string()) })

export const CreateCommentRequest = v.object({
  text: paragraphs(COMMENT_TEXT_MAX),
  /** A comment of the same post; a reply to a reply attaches to its top-level comment. */
  replyTo: v.optional(Id),
})

export const REPORT_REASONS = ['spam', 'abuse', 'sexual', 'illegal', 'misinformation', 'other'] as const
export const ReportRequest = v.object({
  reason: v.picklist(REPORT_REASONS),
  note: v.optional(v.pipe(PlainText, v.maxLength(200))),
})
export const Reported = v.object({ reported: v.literal(true) })

export const Uploaded = v.object({ url: UploadUrl, contentType: v.string(), size: PositiveInt })
export type Uploaded = v.InferOutput<typeof Uploaded>
