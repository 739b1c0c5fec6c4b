import type { Post, Topic } from '../../../src/contract'
import { notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { cursorKey, pageLimit, paginate, sqlPage, type PageQuery } from '../../platform/paginate'
import { businessDay } from '../../platform/time'
import { levelCodeForGrowth } from '../membership/service'

// The community (domain-rules.md, Community). Today: the feed by section and topic, one post, and topics.

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
}

// The viewer is $1 (null for a visitor): likedByMe is answered in the same query.
const POST_SELECT = `SELECT p.id, p.author_id AS "authorId", m.nickname AS "authorNickname",
  m.avatar_url AS "authorAvatarUrl", m.growth AS "authorGrowth", p.text, p.images, p.topic, p.section, p.status,
  p.is_pinned AS "isPinned",
  p.base_like_count + (SELECT count(*)::int FROM post_likes l WHERE l.post_id = p.id) AS "likeCount",
  p.base_comment_count AS "commentCount",
  EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.member_id = $1) AS "likedByMe",
  p.created_at AS "createdAt"
  FROM posts p LEFT JOIN members m ON m.id = p.author_id`

const toPost = (ctx: Ctx, row: PostRow): Post => ({
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
})

/** Published posts, pinned first, then newest first (keyset on pinned, time, id). */
export const feed = async (
  ctx: Ctx,
  viewerId: string | null,
  query: PageQuery & { section?: Post['section']; topic?: string },
): Promise<{ items: Post[]; nextCursor: string | null }> => {
  const limit = pageLimit(query)
  const after = cursorKey(query, ['number', 'number', 'string'] as const)
  const params: unknown[] = [viewerId]
  const where = [`p.status = 'published'`]
  if (query.section !== undefined) where.push(`p.section = $${params.push(query.section)}`)
  if (query.topic !== undefined) where.push(`p.topic = $${params.push(query.topic)}`)
  if (after) {
    const [pinRank, negativeMs, id] = after
    where.push(
      `(CASE WHEN p.is_pinned THEN 0 ELSE 1 END, -extract(epoch FROM p.created_at) * 1000, p.id) > ($${params.push(pinRank)}, $${params.push(negativeMs)}, $${params.push(id)})`,
    )
  }
  const rows = await ctx.sql.query<PostRow>(
    `${POST_SELECT} WHERE ${where.join(' AND ')}
     ORDER BY CASE WHEN p.is_pinned THEN 0 ELSE 1 END, p.created_at DESC, p.id LIMIT $${params.push(limit + 1)}`,
    params,
  )
  const page = sqlPage(rows, limit, (row) => [row.isPinned ? 0 : 1, -row.createdAt.getTime(), row.id])
  return { items: page.items.map((row) => toPost(ctx, row)), nextCursor: page.nextCursor }
}

/** Unpublished posts exist only for their author: anyone else gets the same 404 as for no post at all. */
export const postOf = async (ctx: Ctx, viewerId: string | null, id: string): Promise<Post> => {
  const [row] = await ctx.sql.query<PostRow>(`${POST_SELECT} WHERE p.id = $2`, [viewerId, id])
  if (!row || (row.status !== 'published' && row.authorId !== viewerId)) throw notFound('The post')
  return toPost(ctx, row)
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
  return paginate(topics, (topic) => [-topic.postCount, topic.name], query)
}

/** Business days of the member's published posts (the posting tasks count them). */
export const publishedPostDays = async (ctx: Ctx, memberId: string): Promise<string[]> =>
  (
    await ctx.sql.query<{ createdAt: Date }>(
      `SELECT created_at AS "createdAt" FROM posts WHERE author_id = $1 AND status = 'published'`,
      [memberId],
    )
  ).map((row) => businessDay(row.createdAt.getTime(), ctx.config.timeZone))

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
}

/** A post as the seed places it (posting by members arrives with the community's composer). */
export const createPost = async (ctx: Ctx, post: PostInput): Promise<void> => {
  await ctx.sql.query(
    `INSERT INTO posts (id, author_id, text, images, topic, section, status, is_pinned, base_like_count,
       base_comment_count, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
    ],
  )
}

export const createTopics = async (ctx: Ctx, topics: readonly { name: string; description: string }[]) => {
  for (const [position, topic] of topics.entries())
    await ctx.sql.query(`INSERT INTO topics (name, description, position) VALUES ($1, $2, $3)`, [
      topic.name,
      topic.description,
      position,
    ])
}
