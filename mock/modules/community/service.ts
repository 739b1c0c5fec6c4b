import { randomBytes } from 'node:crypto'
import type {
  Certificate,
  ChallengeEvent,
  Comment,
  CommentReply,
  CreatePostRequest,
  LikeState,
  OwnPost,
  Post,
  Topic,
  Uploaded,
} from '../../../src/contract/all'
import type { ReviewDecided, ReviewItem } from '../../../src/contract/mock-tools'
import { ApiError, invalid, notFound } from '../../platform/errors'
import type { Ctx, UploadedFile } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { DAY_MS } from '../../platform/clock'
import { newId } from '../../platform/ids'
import { cursorKey, pageLimit, paginate, sqlPage, type PageQuery } from '../../platform/paginate'
import { addDays, businessDay, instantOfDay } from '../../platform/time'
import { isDistributorNow, renewKolCertificates } from '../distribution/service'
import { checkinDaysBetween, levelCodeForGrowth, settleTasks } from '../membership/service'
import { productExists } from '../orders/service'
import { earnWithinDailyCap } from '../points/service'
import * as data from './data'
import type { CommentRow, EventRow } from './data'
import {
  bannedWordReview,
  certificateCode,
  challengeDays,
  mondayOf,
  DEFAULT_BANNED_WORDS,
  FEATURE_DAYS,
  featuredGrowthRanges,
  productAttachRefusal,
  reportRefusal,
  imageTypeOf,
  REPORTS_TO_HIDE,
  sectionOf,
  ownUploadName,
  UPLOADS_PER_DAY,
  type ContentReview,
} from './rules'

// The community (domain-rules.md, Community): the feed, posts with review, likes, comments, reports, uploads, and
// the check-in challenge with its certificates. User text is stored as the contract's schemas leave it (a post's or
// a comment's line breaks normalised, MultilineText) and answered as a JSON string: the app shows it as text, never
// as markup.

type PostRow = {
  id: string
  authorId: string
  authorNickname: string | null
  authorAvatarUrl: string | null
  authorGrowth: number | null
  text: string
  images: string[]
  topic: string | null
  section: Post['section']
  status: Post['status']
  isPinned: boolean
  likeCount: number
  commentCount: number
  likedByMe: boolean
  createdAt: Date
  rejectReason: string | null
  productId: string | null
  authorReferralCode: string | null
  deletedAt: Date | null
  isRemoved: boolean
}

// The viewer is $1 (null for a visitor): likedByMe is answered in the same query. The author's referral code only
// for a published 分享赚 post whose author distributes now: a share of it binds to them; nobody else's code is ever
// answered. A pending, rejected or hidden post opens for its author alone, so a link carrying the code would lead
// friends to a 404: it names none.
const POST_COLUMNS = `p.id, p.author_id AS "authorId", m.nickname AS "authorNickname",
  m.avatar_url AS "authorAvatarUrl", m.growth AS "authorGrowth", p.text, p.images, p.topic, p.section, p.status,
  p.is_pinned AS "isPinned",
  p.base_like_count + (SELECT count(*)::int FROM post_likes l WHERE l.post_id = p.id) AS "likeCount",
  p.base_comment_count + (SELECT count(*)::int FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL
    AND c.hidden_at IS NULL) AS "commentCount",
  p.reject_reason AS "rejectReason", p.product_id AS "productId", p.deleted_at AS "deletedAt",
  (p.status = 'rejected' AND p.hidden_at IS NOT NULL) AS "isRemoved",
  CASE WHEN p.product_id IS NOT NULL AND p.status = 'published' AND m.is_distributor THEN m.referral_code END AS "authorReferralCode",
  EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.member_id = $1) AS "likedByMe",
  p.created_at AS "createdAt"`
const POST_FROM = `FROM posts p LEFT JOIN members m ON m.id = p.author_id`
const POST_SELECT = `SELECT ${POST_COLUMNS} ${POST_FROM}`

const toPost = (ctx: Ctx, row: PostRow): OwnPost => ({
  id: row.id,
  author:
    row.authorNickname === null
      ? { id: row.authorId, nickname: '已注销用户', avatarUrl: '', levelCode: 'V1' }
      : {
          id: row.authorId,
          nickname: row.authorNickname,
          avatarUrl: row.authorAvatarUrl ?? '',
          levelCode: levelCodeForGrowth(row.authorGrowth ?? 0, ctx.config.levels),
        },
  text: row.text,
  images: row.images,
  topic: row.topic,
  section: row.section,
  status: row.status,
  likeCount: row.likeCount,
  commentCount: row.commentCount,
  likedByMe: row.likedByMe,
  isPinned: row.isPinned,
  createdAt: isoAt(ctx, row.createdAt),
  rejectReason: row.rejectReason,
  productId: row.productId,
  // While distribution is off no share carries a KOL's code (shareableReferralCode): the post shares a plain path.
  authorReferralCode: ctx.config.features.distribution ? row.authorReferralCode : null,
  // Only its author can open a rejected post: the operator's removal (after reports hid it) tells them so.
  isRemoved: row.isRemoved,
})

/** What cursorKey answers for a cursor this server did not issue (the same words for every list). */
const NOT_A_CURSOR = 'not a cursor this server issued'

const isRank = (value: number): boolean => value === 0 || value === 1

/**
 * Published posts, pinned first, then newest first (keyset on pinned, featured, time, id). 爆款精选 (`hot`, what home's
 * 社区精选 shows) also holds the recent posts of members whose level has `homepage_feature`, from any section, first
 * after the pinned ones (featuredGrowthRanges, FEATURE_DAYS); in every other list the featured rank is the same for all.
 */
export const feed = async (
  ctx: Ctx,
  viewerId: string | null,
  query: PageQuery & { section?: Post['section']; topic?: string },
): Promise<{ items: Post[]; nextCursor: string | null }> => {
  await data.releaseDuePosts(ctx.sql, ctx.nowMs)
  const limit = pageLimit(query)
  const after = cursorKey(query, ['number', 'number', 'number', 'string'] as const)
  // The two ranks are 0 or 1 (integer columns in the comparison): any other number is no cursor of this list.
  if (after && !(isRank(after[0]) && isRank(after[1]))) throw invalid({ cursor: NOT_A_CURSOR })
  const params: unknown[] = [viewerId]
  const where = [`p.status = 'published'`, `p.deleted_at IS NULL`]
  // 0 for a featured post (a featured member's, within FEATURE_DAYS), 1 for any other; only 爆款精选 features.
  let featuredRank = '1'
  if (query.section === 'hot') {
    const ranges = featuredGrowthRanges(ctx.config.levels).map(({ from, to }) =>
      to === null
        ? `m.growth >= $${params.push(from)}`
        : `(m.growth >= $${params.push(from)} AND m.growth < $${params.push(to)})`,
    )
    const featured =
      ranges.length === 0
        ? 'FALSE'
        : // A pinned post is pinned in its own section (the challenge in 种草推荐), not brought here.
          `((${ranges.join(' OR ')}) AND NOT p.is_pinned AND p.created_at > $${params.push(new Date(ctx.nowMs - FEATURE_DAYS * DAY_MS))})`
    featuredRank = `CASE WHEN ${featured} THEN 0 ELSE 1 END`
    where.push(`(p.section = 'hot' OR ${featured})`)
  } else if (query.section !== undefined) where.push(`p.section = $${params.push(query.section)}`)
  if (query.topic !== undefined) where.push(`p.topic = $${params.push(query.topic)}`)
  const order = `CASE WHEN p.is_pinned THEN 0 ELSE 1 END, ${featuredRank}`
  if (after) {
    const [pinRank, featured, negativeMs, id] = after
    where.push(
      `(${order}, -extract(epoch FROM p.created_at) * 1000, p.id) > ($${params.push(pinRank)}, $${params.push(featured)}, $${params.push(negativeMs)}, $${params.push(id)})`,
    )
  }
  const rows = await ctx.sql.query<PostRow & { featuredRank: number }>(
    `SELECT ${featuredRank} AS "featuredRank", ${POST_COLUMNS} ${POST_FROM} WHERE ${where.join(' AND ')}
     ORDER BY ${order}, p.created_at DESC, p.id LIMIT $${params.push(limit + 1)}`,
    params,
  )
  const page = sqlPage(rows, limit, (row) => [row.isPinned ? 0 : 1, row.featuredRank, -row.createdAt.getTime(), row.id])
  return { items: page.items.map((row) => toPost(ctx, row)), nextCursor: page.nextCursor }
}

/** Unpublished posts exist only for their author: anyone else gets the same 404 as for no post at all. */
export const postOf = async (ctx: Ctx, viewerId: string | null, id: string): Promise<OwnPost> =>
  toPost(ctx, await visiblePost(ctx, viewerId, id))

/** A post this viewer may see (published, or their own in any status), not deleted; else 404. */
const visiblePost = async (ctx: Ctx, viewerId: string | null, id: string): Promise<PostRow> => {
  await data.releaseDuePosts(ctx.sql, ctx.nowMs)
  const [row] = await ctx.sql.query<PostRow>(`${POST_SELECT} WHERE p.id = $2`, [viewerId, id])
  if (!row || row.deletedAt !== null || (row.status !== 'published' && row.authorId !== viewerId))
    throw notFound('The post')
  return row
}

/**
 * The post an order came through, while it is still up (published, not deleted); null once its author deleted it or
 * reports hid it: the buyer who opened the product from it still buys, through no post.
 */
export const livePostOf = async (ctx: Ctx, viewerId: string, id: string): Promise<Post | null> => {
  await data.releaseDuePosts(ctx.sql, ctx.nowMs)
  const [row] = await ctx.sql.query<PostRow>(`${POST_SELECT} WHERE p.id = $2`, [viewerId, id])
  return row && row.deletedAt === null && row.status === 'published' ? toPost(ctx, row) : null
}

/** Likes, comments and reports are for published posts only: anything else is 404 to them. */
const publishedPost = async (ctx: Ctx, viewerId: string, id: string): Promise<PostRow> => {
  const row = await visiblePost(ctx, viewerId, id)
  if (row.status !== 'published') throw notFound('The post')
  return row
}

/** Topics, most active first (a fixed, short list). */
export const topicsPage = async (
  ctx: Ctx,
  query: PageQuery,
): Promise<{ items: Topic[]; nextCursor: string | null }> => {
  const topics = await ctx.sql.query<Topic>(
    `SELECT t.name, t.description,
       (SELECT count(*)::int FROM posts p WHERE p.status = 'published' AND p.topic = t.name) AS "postCount"
     FROM topics t ORDER BY t.position`,
  )
  // paginate takes any key; only the topics' own shape (negated count, name) is a cursor of this list.
  cursorKey(query, ['number', 'string'] as const)
  return paginate(topics, (topic) => [-topic.postCount, topic.name], query)
}

/** Business days of the member's published posts (the posting tasks count them). */
export const publishedPostDays = async (ctx: Ctx, memberId: string): Promise<string[]> =>
  (
    await ctx.sql.query<{ createdAt: Date }>(
      // A deleted post still counts: the member did post that day (and was paid for it then). One reports hid counts
      // only once the operator restores it, and one they removed (rejected) never does: a task not paid yet is not
      // paid for it; what was paid before stays (completions and ledger entries are never undone).
      `SELECT created_at AS "createdAt" FROM posts WHERE author_id = $1 AND status = 'published'`,
      [memberId],
    )
  ).map((row) => businessDay(row.createdAt.getTime(), ctx.config.timeZone))

/**
 * Business days of the comments the member wrote and still has, from `sinceMs` on (the comment tasks count them,
 * paid or not: the daily cap limits the points, not what the member did).
 */
export const writtenCommentDays = async (ctx: Ctx, memberId: string, sinceMs?: number): Promise<string[]> =>
  (await data.commentTimes(ctx.sql, memberId, sinceMs)).map((at) => businessDay(at.getTime(), ctx.config.timeZone))

export type PostInput = {
  id: string
  authorId: string
  text: string
  images?: string[]
  topic?: string | null
  section: Post['section']
  status?: Post['status']
  isPinned?: boolean
  baseLikeCount?: number
  baseCommentCount?: number
  /** A 分享赚 post's product (its author a distributor). */
  productId?: string | null
}

/** A post as the seed places it (posting by members arrives with the community's composer). */
export const createPost = async (ctx: Ctx, post: PostInput): Promise<void> => {
  await ctx.sql.query(
    `INSERT INTO posts (id, author_id, text, images, topic, section, status, is_pinned, base_like_count,
       base_comment_count, created_at, product_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      post.id,
      post.authorId,
      post.text,
      JSON.stringify(post.images ?? []),
      post.topic ?? null,
      post.section,
      post.status ?? 'published',
      post.isPinned ?? false,
      post.baseLikeCount ?? 0,
      post.baseCommentCount ?? 0,
      new Date(ctx.nowMs),
      post.productId ?? null,
    ],
  )
}

/** A comment as the seed places it (a member's comment goes through commentOn: reviewed, rewarded, tasks settled). */
export const placeComment = async (
  ctx: Ctx,
  comment: { id: string; postId: string; authorId: string; text: string; replyTo?: string },
): Promise<void> =>
  data.insertComment(ctx.sql, {
    id: comment.id,
    postId: comment.postId,
    memberId: comment.authorId,
    parentId: comment.replyTo ?? null,
    text: comment.text,
    at: ctx.nowMs,
  })

export const createTopics = async (ctx: Ctx, topics: readonly { name: string; description: string }[]) => {
  for (const [position, topic] of topics.entries())
    await ctx.sql.query(`INSERT INTO topics (name, description, position) VALUES ($1, $2, $3)`, [
      topic.name,
      topic.description,
      position,
    ])
}

// ---------------------------------------------------------------------------------------------------------------
// Posting

type CreatePostInput = Omit<CreatePostRequest, 'images'> & { images?: string[] }

const reviewOf = (ctx: Ctx): ContentReview =>
  bannedWordReview(ctx.settings.community?.bannedWords ?? DEFAULT_BANNED_WORDS)

/**
 * A member's post: reviewed at once (a banned word rejects it with a reason; it is kept so its author sees why).
 * One that passes is published, or pending while a configured review delay runs. A post that passed pays the
 * first post of the day within the daily cap ('post'), and the posting tasks settle from what the server saw.
 */
export const publishPost = async (
  ctx: Ctx,
  authorId: string,
  input: CreatePostInput,
  /** This server's origin, as the request reached it: the pictures must be the URLs it answered the author. */
  origin: string,
): Promise<Post> => {
  const images = input.images ?? []
  for (const [index, url] of images.entries()) {
    if (!(await isUploadOf(ctx, url, origin, authorId)))
      throw invalid({ [`images.${index}`]: 'an image you uploaded here' })
  }
  if (input.productId !== undefined) {
    // Every product of the catalogue is on sale (the orders module sells each one it lists).
    if (!(await productExists(ctx, input.productId))) throw invalid({ productId: 'a product of the catalogue' })
    const refusal = productAttachRefusal(await isDistributorNow(ctx, authorId))
    if (refusal !== null)
      throw new ApiError(refusal, 'Only a member with distribution rights can attach a product to a post.', {
        productId: input.productId,
      })
  }
  // A post is filed under one of the topics offered now: a removed one (a rejected post reworked after the operator
  // took its topic away) would publish the post under a topic nobody can find or filter by.
  if (input.topic !== undefined && !(await data.topicExists(ctx.sql, input.topic)))
    throw invalid({ topic: 'one of the topics offered now (GET /topics)' })
  const verdict = reviewOf(ctx)(`${input.topic ?? ''}\n${input.text}`)
  const delayMinutes = ctx.settings.community?.reviewDelayMinutes ?? 0
  const status: Post['status'] = !verdict.ok ? 'rejected' : delayMinutes > 0 ? 'pending' : 'published'
  const id = await newId(ctx.sql, 'post')
  await createPost(ctx, {
    id,
    authorId,
    text: input.text,
    images,
    topic: input.topic ?? null,
    section: sectionOf(input.productId),
    status,
  })
  await ctx.sql.query(`UPDATE posts SET reject_reason = $2, product_id = $3, publish_at = $4 WHERE id = $1`, [
    id,
    verdict.ok ? null : verdict.reason,
    input.productId ?? null,
    status === 'pending' ? new Date(ctx.nowMs + delayMinutes * 60_000) : null,
  ])
  if (status !== 'rejected') {
    await earnWithinDailyCap(ctx, authorId, 'post', { reason: '发帖奖励', refId: id })
    await settleTasks(ctx, authorId)
  }
  return postOf(ctx, authorId, id)
}

/** Authors delete their own posts (403 for another member's; 404 for one they cannot see). */
export const deletePost = async (ctx: Ctx, memberId: string, id: string): Promise<{ ok: true }> => {
  const row = await ownPost(ctx, memberId, id)
  await data.softDeletePost(ctx.sql, row.id, ctx.nowMs)
  return { ok: true }
}

const ownPost = async (ctx: Ctx, memberId: string, id: string): Promise<PostRow> => {
  const [row] = await ctx.sql.query<PostRow>(`${POST_SELECT} WHERE p.id = $2`, [memberId, id])
  if (!row || row.deletedAt !== null || (row.status !== 'published' && row.authorId !== memberId))
    throw notFound('The post')
  if (row.authorId !== memberId) throw new ApiError('FORBIDDEN', 'Only its author can delete a post.')
  return row
}

/** The member's own posts in every status but deleted, newest first. */
export const myPosts = async (
  ctx: Ctx,
  memberId: string,
  query: PageQuery,
): Promise<{ items: OwnPost[]; nextCursor: string | null }> => {
  await data.releaseDuePosts(ctx.sql, ctx.nowMs)
  const limit = pageLimit(query)
  const after = cursorKey(query, ['number', 'string'] as const)
  const rows = await ctx.sql.query<PostRow>(
    `${POST_SELECT} WHERE p.author_id = $1 AND p.deleted_at IS NULL
       AND ($2::float8 IS NULL OR (-extract(epoch FROM p.created_at) * 1000, p.id) > ($2::float8, $3::text))
     ORDER BY p.created_at DESC, p.id LIMIT $4`,
    [memberId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  )
  const page = sqlPage(rows, limit, (row) => [-row.createdAt.getTime(), row.id])
  return { items: page.items.map((row) => toPost(ctx, row)), nextCursor: page.nextCursor }
}

// ---------------------------------------------------------------------------------------------------------------
// Likes and reports

export const like = async (ctx: Ctx, memberId: string, postId: string): Promise<LikeState> => {
  await publishedPost(ctx, memberId, postId)
  // The primary key (post, member) keeps one like whatever arrives at once.
  await data.insertLike(ctx.sql, postId, memberId, ctx.nowMs)
  const row = await publishedPost(ctx, memberId, postId)
  return { likeCount: row.likeCount, likedByMe: row.likedByMe }
}

export const unlike = async (ctx: Ctx, memberId: string, postId: string): Promise<LikeState> => {
  await publishedPost(ctx, memberId, postId)
  await data.deleteLike(ctx.sql, postId, memberId)
  const row = await publishedPost(ctx, memberId, postId)
  return { likeCount: row.likeCount, likedByMe: row.likedByMe }
}

/** One report per member per post (again: nothing changes); 5 distinct reporters hide the post; not its author. */
export const report = async (
  ctx: Ctx,
  memberId: string,
  postId: string,
  input: { reason: string; note?: string },
): Promise<{ reported: true }> => {
  const post = await publishedPost(ctx, memberId, postId)
  const refusal = reportRefusal(post.authorId === memberId)
  if (refusal !== null) throw new ApiError(refusal, 'Members report other members’ posts; an author deletes their own.')
  const reporters = await data.insertReport(ctx.sql, {
    postId,
    memberId,
    reason: input.reason,
    note: input.note ?? null,
    at: ctx.nowMs,
  })
  if (reporters >= REPORTS_TO_HIDE) await data.hidePost(ctx.sql, postId, ctx.nowMs)
  return { reported: true }
}

/**
 * A comment (or a reply) reported like a post: one report per member (again: nothing changes), not its author's,
 * and 5 distinct reporters hide it pending the operator's review. Only a comment members can see now is reported:
 * a deleted, hidden or removed one, or one on a post that is not published, is 404.
 */
export const reportComment = async (
  ctx: Ctx,
  memberId: string,
  commentId: string,
  input: { reason: string; note?: string },
): Promise<{ reported: true }> => {
  const found = await data.commentById(ctx.sql, commentId)
  if (!found || found.deletedAt !== null || found.hiddenAt !== null) throw notFound('The comment')
  await publishedPost(ctx, memberId, found.postId)
  const refusal = reportRefusal(found.memberId === memberId)
  if (refusal !== null)
    throw new ApiError(refusal, 'Members report other members’ comments; an author deletes their own.')
  const reporters = await data.insertCommentReport(ctx.sql, {
    commentId,
    memberId,
    reason: input.reason,
    note: input.note ?? null,
    at: ctx.nowMs,
  })
  if (reporters >= REPORTS_TO_HIDE) await data.hideComment(ctx.sql, commentId, ctx.nowMs)
  return { reported: true }
}

// ---------------------------------------------------------------------------------------------------------------
// The operator's review of what reports hid (the preview tools call these)

export const reviewQueue = async (
  ctx: Ctx,
  query: PageQuery,
): Promise<{ items: ReviewItem[]; nextCursor: string | null }> => {
  const limit = pageLimit(query)
  const after = cursorKey(query, ['number', 'string'] as const)
  const page = sqlPage(await data.reviewQueue(ctx.sql, after, limit), limit, (row) => [-row.hiddenAt.getTime(), row.id])
  return {
    items: page.items.map((row) => ({
      kind: row.kind,
      id: row.id,
      postId: row.postId,
      text: row.text,
      author: { id: row.authorId, nickname: row.authorNickname ?? '已注销用户' },
      hiddenAt: isoAt(ctx, row.hiddenAt),
      reportCount: row.reportCount,
      reasons: row.reasons as ReviewItem['reasons'],
    })),
    nextCursor: page.nextCursor,
  }
}

/**
 * The operator's decision on a hidden post or comment: restore (visible again, its reports cleared) or remove (gone
 * for members; a post's author reads 已被移除 and the reason in 我的笔记 and on its page: `rejected`, `isRemoved`; a comment's
 * author reads it in its thread, `isRemoved` with `removedReason`). Only what waits for review
 * can be decided: anything else (never hidden, decided already, deleted by its author) is 404.
 */
export const decideReview = async (
  ctx: Ctx,
  kind: ReviewItem['kind'],
  id: string,
  decision: { decision: 'restore' } | { decision: 'remove'; reason: string },
): Promise<ReviewDecided> => {
  const isDone =
    kind === 'post'
      ? decision.decision === 'restore'
        ? await data.restorePost(ctx.sql, id)
        : await data.removePost(ctx.sql, id, decision.reason, ctx.nowMs)
      : decision.decision === 'restore'
        ? await data.restoreComment(ctx.sql, id)
        : await data.removeComment(ctx.sql, id, decision.reason, ctx.nowMs)
  if (!isDone) throw notFound(kind === 'post' ? 'The hidden post' : 'The hidden comment')
  return { kind, id, decision: decision.decision }
}

// ---------------------------------------------------------------------------------------------------------------
// Comments

const toReply = (ctx: Ctx, row: CommentRow): CommentReply => ({
  id: row.id,
  postId: row.postId,
  author:
    row.nickname === null
      ? { id: row.memberId, nickname: '已注销用户', avatarUrl: '', levelCode: 'V1' }
      : {
          id: row.memberId,
          nickname: row.nickname,
          avatarUrl: row.avatarUrl ?? '',
          levelCode: levelCodeForGrowth(row.growth ?? 0, ctx.config.levels),
        },
  text: row.text,
  replyTo: row.parentId,
  replyToMember:
    row.addresseeId === null ? null : { id: row.addresseeId, nickname: row.addresseeNickname ?? '已注销用户' },
  createdAt: isoAt(ctx, row.createdAt),
  // Only its author is answered a hidden comment as itself (the lists leave it out for everyone else): waiting for the
  // operator, or removed by them with the reason, as a removed post's author reads 已被移除 and why.
  isPendingReview: row.hiddenAt !== null && row.removedAt === null,
  isRemoved: row.removedAt !== null,
  removedReason: row.removedAt === null ? null : (row.removedReason ?? ''),
})

/**
 * A top-level comment with its replies. One deleted while it had replies is their placeholder (该评论已删除 in the
 * app): no author, no text, nothing to reply to. One hidden by reports (or removed by the operator) while replies are
 * shown is theirs the same way (该评论已被隐藏) for everyone but its author, who reads their own words marked as
 * waiting for review (`isPendingReview`) until the operator decides, then, if removed, marked as removed with the
 * operator's reason (`isRemoved`, `removedReason`).
 */
const toComment = (ctx: Ctx, viewerId: string | null, row: CommentRow, replies: CommentReply[]): Comment => {
  const isDeleted = row.deletedAt !== null
  const isHidden = !isDeleted && row.hiddenAt !== null && row.memberId !== viewerId
  return isDeleted || isHidden
    ? {
        ...toReply(ctx, row),
        author: null,
        text: '',
        isDeleted,
        isHidden,
        isPendingReview: false,
        isRemoved: false,
        removedReason: null,
        replies,
      }
    : { ...toReply(ctx, row), isDeleted: false, isHidden: false, replies }
}

/** Top-level comments oldest first (a conversation reads top-down), each with all its replies. */
export const commentsOf = async (
  ctx: Ctx,
  viewerId: string | null,
  postId: string,
  query: PageQuery,
): Promise<{ items: Comment[]; nextCursor: string | null }> => {
  await visiblePost(ctx, viewerId, postId)
  const limit = pageLimit(query)
  const after = cursorKey(query, ['number', 'string'] as const)
  const rows = await data.topLevelComments(ctx.sql, postId, viewerId, after, limit)
  const page = sqlPage(rows, limit, (row) => [row.createdAt.getTime(), row.id])
  const replies = await data.repliesTo(
    ctx.sql,
    page.items.map((row) => row.id),
    viewerId,
  )
  return {
    items: page.items.map((row) =>
      toComment(
        ctx,
        viewerId,
        row,
        replies.filter((reply) => reply.parentId === row.id).map((reply) => toReply(ctx, reply)),
      ),
    ),
    nextCursor: page.nextCursor,
  }
}

/** A comment pays within the daily cap ('comment'); the comment tasks count it whether it paid or not. */
export const addComment = async (
  ctx: Ctx,
  memberId: string,
  postId: string,
  input: { text: string; replyTo?: string },
): Promise<Comment> => {
  await publishedPost(ctx, memberId, postId)
  // Comments go through the same review as posts; a refused one is not stored (there is no state to show it in),
  // so its author is told why at once and can change the words.
  const verdict = reviewOf(ctx)(input.text)
  if (!verdict.ok) throw invalid({ text: verdict.reason })
  let parentId: string | null = null
  let addresseeId: string | null = null
  if (input.replyTo !== undefined) {
    const target = await data.commentById(ctx.sql, input.replyTo)
    if (!target || target.postId !== postId || target.deletedAt !== null || target.hiddenAt !== null)
      throw invalid({ replyTo: 'a comment of this post' })
    // One level deep: a reply to a reply joins its top-level comment, and names the member it answers.
    parentId = target.parentId ?? target.id
    addresseeId = target.parentId === null ? null : target.memberId
    // The thread waits for a deletion in it to finish: the comment answered may be gone once it has.
    await data.lockThread(ctx.sql, parentId)
    const still = await data.commentById(ctx.sql, input.replyTo)
    if (!still || still.deletedAt !== null || still.hiddenAt !== null)
      throw invalid({ replyTo: 'a comment of this post' })
  }
  const id = await newId(ctx.sql, 'cm')
  await data.insertComment(ctx.sql, { id, postId, memberId, parentId, addresseeId, text: input.text, at: ctx.nowMs })
  await earnWithinDailyCap(ctx, memberId, 'comment', { reason: '评论奖励', refId: id })
  await settleTasks(ctx, memberId)
  const row = await data.commentById(ctx.sql, id)
  if (!row) throw new Error(`Comment ${id} vanished`)
  return toComment(ctx, memberId, row, [])
}

/**
 * Authors delete their own comments, never the thread under them: a top-level comment with replies (other
 * members' words) becomes their placeholder; one without replies, or a reply, goes outright, and a placeholder
 * whose last reply goes goes with it. The points a comment earned stay (the ledger is never undone for a deletion:
 * the comment was written, and the daily cap already counted it); the comment tasks count it by that payment.
 */
export const deleteComment = async (ctx: Ctx, memberId: string, id: string): Promise<{ ok: true }> => {
  const found = await data.commentById(ctx.sql, id)
  if (!found || found.deletedAt !== null) throw notFound('The comment')
  if (found.memberId !== memberId) throw new ApiError('FORBIDDEN', 'Only its author can delete a comment.')
  const threadId = found.parentId ?? found.id
  // Replies arriving at once wait for the thread (addComment), so none is written under a comment deleted outright.
  await data.lockThread(ctx.sql, threadId)
  if (found.parentId === null) {
    if ((await data.replyCount(ctx.sql, id)) > 0) await data.tombstoneComment(ctx.sql, id, ctx.nowMs)
    else await data.deleteComment(ctx.sql, id)
    return { ok: true }
  }
  await data.deleteComment(ctx.sql, id)
  const thread = await data.commentById(ctx.sql, threadId)
  if (thread && thread.deletedAt !== null && (await data.replyCount(ctx.sql, threadId)) === 0)
    await data.deleteComment(ctx.sql, threadId)
  return { ok: true }
}

// ---------------------------------------------------------------------------------------------------------------
// Uploads

/** Stored under a name the server makes, as the type its bytes are (the name and declared type are ignored). */
export const upload = async (ctx: Ctx, memberId: string, origin: string, file: UploadedFile): Promise<Uploaded> => {
  const type = imageTypeOf(file.bytes)
  if (!type) throw invalid({ file: 'a JPEG, PNG or WebP image' })
  // The member's row is locked by the frame: uploads arriving at once are counted one after another.
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  if ((await data.uploadsSince(ctx.sql, memberId, instantOfDay(today, ctx.config.timeZone))) >= UPLOADS_PER_DAY) {
    const retryAfter = String(
      Math.max(1, Math.ceil((instantOfDay(addDays(today, 1), ctx.config.timeZone) - ctx.nowMs) / 1000)),
    )
    throw new ApiError(
      'RATE_LIMITED',
      'That is as many pictures as one member can upload in a day: try again tomorrow.',
      { limit: UPLOADS_PER_DAY, retryAfterSeconds: Number(retryAfter) },
      { headers: { 'Retry-After': retryAfter } },
    )
  }
  const name = `${randomBytes(16).toString('hex')}.${type.ext}`
  await data.insertUpload(ctx.sql, {
    name,
    memberId,
    contentType: type.contentType,
    bytes: file.bytes,
    at: ctx.nowMs,
  })
  return { url: `${origin}/api/v1/uploads/${name}`, contentType: type.contentType, size: file.bytes.length }
}

/**
 * Whether `url` is a picture `memberId` uploaded to this server: the URL `POST /uploads` answered them, on this
 * server's `origin`. A post's pictures and an avatar are only ever these (not someone else's, nor another host's).
 */
export const isUploadOf = async (ctx: Ctx, url: string, origin: string, memberId: string): Promise<boolean> => {
  const name = ownUploadName(url, origin)
  return name !== null && (await data.uploadOwner(ctx.sql, name)) === memberId
}

export const uploadedFile = async (
  ctx: Ctx,
  name: string,
): Promise<{ bytes: Uint8Array; contentType: string } | null> => {
  if (!/^[A-Za-z0-9_-]{1,100}\.(?:jpg|png|webp)$/.test(name)) return null
  const found = await data.uploadByName(ctx.sql, name)
  return found && { bytes: found.bytes, contentType: found.contentType }
}

// ---------------------------------------------------------------------------------------------------------------
// The check-in challenge and its certificates

const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

const progressOf = async (ctx: Ctx, memberId: string, event: EventRow) => {
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  const checkins = await checkinDaysBetween(ctx, memberId, event.startsOn, addDays(event.endsOn, 1))
  const days = challengeDays(daysBetween(event.startsOn, event.endsOn), checkins, today, event.allowsMakeup)
  const checkedDays = days.filter((day) => day.state === 'checked').length
  return { days, checkedDays, totalDays: days.length, isComplete: checkedDays === days.length }
}

/**
 * Certificates are issued from what the server saw, when the member next looks (events, certificates): a joined
 * event whose every day has a counted check-in. The unique key (event, member) keeps it to one.
 */
const issueDueCertificates = async (ctx: Ctx, memberId: string): Promise<void> => {
  for (const event of await data.openJoinedEvents(ctx.sql, memberId)) {
    if (!(await progressOf(ctx, memberId, event)).isComplete) continue
    await data.insertCertificate(ctx.sql, {
      code: certificateCode(randomBytes(8)),
      eventId: event.id,
      memberId,
      title: `${event.title}「${event.badgeName}」`,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      at: ctx.nowMs,
    })
  }
}

const toEvent = async (ctx: Ctx, viewerId: string | null, event: EventRow): Promise<ChallengeEvent> => {
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  const progress = viewerId === null ? null : await progressOf(ctx, viewerId, event)
  return {
    id: event.id,
    title: event.title,
    badgeName: event.badgeName,
    postId: event.postId,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    startsAt: isoAt(ctx, instantOfDay(event.startsOn, ctx.config.timeZone)),
    endsAt: isoAt(ctx, instantOfDay(addDays(event.endsOn, 1), ctx.config.timeZone)),
    allowsMakeup: event.allowsMakeup,
    status: today < event.startsOn ? 'upcoming' : today > event.endsOn ? 'ended' : 'running',
    joinedCount: event.joinedCount,
    me: progress === null ? null : { joined: event.joinedByMe, ...progress, certificateCode: event.certificateCode },
  }
}

/** The weekly challenge that runs unless the brand placed one for the week (seed or operator). */
const WEEKLY_CHALLENGE = { title: '七日打卡挑战', badgeName: '自律达人' } as const

/**
 * Every week has a challenge: when none covers today, this week's (Monday to Sunday in the brand's time zone) is
 * created, so a fresh server and a clock moved to any week always have one to join. Its id is made from its
 * Monday, so two requests arriving at once create it once.
 */
export const ensureCurrentChallenge = async (ctx: Ctx): Promise<void> => {
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  if (await data.eventCovering(ctx.sql, today)) return
  const monday = mondayOf(today)
  await data.insertEvent(ctx.sql, {
    id: `ev-week-${monday}`,
    postId: null,
    ...WEEKLY_CHALLENGE,
    startsOn: monday,
    endsOn: addDays(monday, 6),
  })
}

export const eventsOf = async (
  ctx: Ctx,
  viewerId: string | null,
  query: PageQuery,
): Promise<{ items: ChallengeEvent[]; nextCursor: string | null }> => {
  await ensureCurrentChallenge(ctx)
  if (viewerId !== null) await issueDueCertificates(ctx, viewerId)
  const limit = pageLimit(query)
  const after = cursorKey(query, ['string', 'string'] as const)
  const rows = await data.eventsPage(ctx.sql, viewerId, after, limit)
  const page = sqlPage(rows, limit, (row) => [row.startsOn, row.id])
  const items: ChallengeEvent[] = []
  for (const row of page.items) items.push(await toEvent(ctx, viewerId, row))
  return { items, nextCursor: page.nextCursor }
}

export const joinEvent = async (ctx: Ctx, memberId: string, eventId: string): Promise<ChallengeEvent> => {
  const event = await data.eventById(ctx.sql, memberId, eventId)
  if (!event) throw notFound('The event')
  if (businessDay(ctx.nowMs, ctx.config.timeZone) > event.endsOn)
    throw new ApiError('EVENT_CLOSED', 'This challenge has ended.', { endsOn: event.endsOn })
  await data.insertEventMember(ctx.sql, eventId, memberId, ctx.nowMs)
  await issueDueCertificates(ctx, memberId)
  const joined = await data.eventById(ctx.sql, memberId, eventId)
  if (!joined) throw new Error(`Event ${eventId} vanished`)
  return toEvent(ctx, memberId, joined)
}

const toCertificate = (ctx: Ctx, row: data.CertificateRow): Certificate => ({
  code: row.code,
  title: row.title,
  holderNickname: row.nickname ?? '已注销用户',
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  issuedAt: isoAt(ctx, row.issuedAt),
  // A challenge's badge stands for good; a KOL level's is valid for its year.
  valid: row.kind === 'challenge' || row.endsOn >= businessDay(ctx.nowMs, ctx.config.timeZone),
  kind: row.kind,
})

/**
 * A KOL level held (distribution): its certificate, valid for a year from the day it was issued, with a code anyone
 * can verify like a challenge's. Another only once none is valid today (a renewal after the year, with its own code);
 * the unique key (member, level, start day) keeps it to one however many ask at once.
 */
export const issueKolCertificate = async (
  ctx: Ctx,
  memberId: string,
  level: { code: string; name: string },
): Promise<void> => {
  const today = businessDay(ctx.nowMs, ctx.config.timeZone)
  if (await data.hasCurrentKolCertificate(ctx.sql, memberId, level.code, today)) return
  await data.insertCertificate(ctx.sql, {
    code: certificateCode(randomBytes(8)),
    eventId: null,
    kolLevel: level.code,
    memberId,
    title: `${level.name}（${level.code}）达人认证`,
    startsOn: today,
    endsOn: addDays(today, 364),
    at: ctx.nowMs,
  })
}

export const certificatesOf = async (
  ctx: Ctx,
  memberId: string,
  query: PageQuery,
): Promise<{ items: Certificate[]; nextCursor: string | null }> => {
  await issueDueCertificates(ctx, memberId)
  await renewKolCertificates(ctx, memberId)
  // paginate takes any key; only the certificates' own shape (negated issue time, code) is a cursor of this list.
  cursorKey(query, ['number', 'string'] as const)
  const rows = await data.certificatesOf(ctx.sql, memberId)
  return paginate(
    rows.map((row) => toCertificate(ctx, row)),
    (certificate) => [-Date.parse(certificate.issuedAt), certificate.code],
    query,
  )
}

/** Public: anyone can check a code (typed in any case); one never issued is 404. */
export const certificateOf = async (ctx: Ctx, code: string): Promise<Certificate> => {
  const row = await data.certificateByCode(ctx.sql, code.trim().toUpperCase())
  if (!row) throw notFound('The certificate')
  return toCertificate(ctx, row)
}

export type EventInput = {
  id: string
  postId: string | null
  title: string
  badgeName: string
  startsOn: string
  endsOn: string
}

/** A challenge as the seed (or an operator) places it. */
export const createEvent = async (ctx: Ctx, event: EventInput): Promise<void> => data.insertEvent(ctx.sql, event)
