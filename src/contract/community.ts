import * as v from 'valibot'
// From the index, not './common': the app's pages import these from async chunks, and a direct import of an
// inner module would stop webpack from concatenating it into the first-screen bundle (measured: ~0.8 KB gzip).
import {
  Id,
  IsoDateTime,
  LevelCode,
  MultilineText,
  NO_CONTROL_CHARACTERS,
  NonNegativeInt,
  PlainText,
  PositiveInt,
} from './index'

// The community's writes (domain-rules.md, Community). The feed, Post and Topic are in catalog.ts; the check-in
// challenge and its certificates in challenge.ts.

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

/** What people type must say something: blank text is no post and no comment. */
const notBlank = v.check((text: string) => text.trim().length > 0, TEXT_REFUSALS.blank)

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
  createdAt: IsoDateTime,
})
export type CommentReply = v.InferOutput<typeof CommentReply>

/** A top-level comment with its replies (one level deep), oldest first like a conversation. */
export const Comment = v.object({ ...CommentReply.entries, replies: v.array(CommentReply) })
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
