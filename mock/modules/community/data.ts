import { Buffer } from 'node:buffer'
import type { Sql } from '../../platform/db'

// The community's SQL. Rules across members are kept by the database: the likes' primary key, one report per
// member per post, one certificate per member per event.

export const insertLike = async (sql: Sql, postId: string, memberId: string, at: number): Promise<void> => {
  await sql.query(
    `INSERT INTO post_likes (post_id, member_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [postId, memberId, new Date(at)],
  )
}

export const deleteLike = async (sql: Sql, postId: string, memberId: string): Promise<void> => {
  await sql.query(`DELETE FROM post_likes WHERE post_id = $1 AND member_id = $2`, [postId, memberId])
}

/** Inserts the report unless this member already reported the post; answers the distinct reporters but the author. */
export const insertReport = async (
  sql: Sql,
  report: { postId: string; memberId: string; reason: string; note: string | null; at: number },
): Promise<number> => {
  // Reports on one post take turns (the post's row lock): two reporters arriving at once as the 4th and 5th
  // must not each count 4 and leave the post up.
  await sql.query(`SELECT 1 FROM posts WHERE id = $1 FOR UPDATE`, [report.postId])
  await sql.query(
    `INSERT INTO post_reports (post_id, member_id, reason, note, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (post_id, member_id) DO NOTHING`,
    [report.postId, report.memberId, report.reason, report.note, new Date(report.at)],
  )
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM post_reports r JOIN posts p ON p.id = r.post_id
     WHERE r.post_id = $1 AND r.member_id <> p.author_id`,
    [report.postId],
  )
  return row?.n ?? 0
}

/** Hides a published post (a conditional update: reports arriving at once hide it once). */
export const hidePost = async (sql: Sql, postId: string, at: number): Promise<void> => {
  await sql.query(`UPDATE posts SET status = 'hidden', hidden_at = $2 WHERE id = $1 AND status = 'published'`, [
    postId,
    new Date(at),
  ])
}

/** Inserts the report unless this member already reported the comment; answers the distinct reporters but its author. */
export const insertCommentReport = async (
  sql: Sql,
  report: { commentId: string; memberId: string; reason: string; note: string | null; at: number },
): Promise<number> => {
  // Reports on one comment take turns (its row lock), as a post's do: the 4th and 5th at once still hide it.
  await sql.query(`SELECT 1 FROM comments WHERE id = $1 FOR UPDATE`, [report.commentId])
  await sql.query(
    `INSERT INTO comment_reports (comment_id, member_id, reason, note, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (comment_id, member_id) DO NOTHING`,
    [report.commentId, report.memberId, report.reason, report.note, new Date(report.at)],
  )
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM comment_reports r JOIN comments c ON c.id = r.comment_id
     WHERE r.comment_id = $1 AND r.member_id <> c.member_id`,
    [report.commentId],
  )
  return row?.n ?? 0
}

/** Hides a visible comment pending review (a conditional update: reports arriving at once hide it once). */
export const hideComment = async (sql: Sql, commentId: string, at: number): Promise<void> => {
  await sql.query(`UPDATE comments SET hidden_at = $2 WHERE id = $1 AND hidden_at IS NULL`, [commentId, new Date(at)])
}

/** A hidden post or comment waiting for the operator: what it says, whose it is, and what reports it drew. */
export type ReviewRow = {
  kind: 'post' | 'comment'
  id: string
  postId: string
  text: string
  authorId: string
  authorNickname: string | null
  hiddenAt: Date
  reportCount: number
  reasons: { reason: string; count: number }[]
}

/**
 * What waits for review, newest hidden first (keyset on the negated ms and id, limit + 1 rows): hidden posts not deleted, and hidden comments neither removed nor
 * deleted by their author (a placeholder has no words left to judge). A post hidden before hidden_at existed (the
 * seed's) counts from when it was written.
 */
export const reviewQueue = async (
  sql: Sql,
  after: readonly [number, string] | null,
  limit: number,
): Promise<ReviewRow[]> =>
  sql.query<ReviewRow>(
    `SELECT * FROM (
       SELECT 'post' AS kind, p.id, p.id AS "postId", p.text, p.author_id AS "authorId",
         m.nickname AS "authorNickname", COALESCE(p.hidden_at, p.created_at) AS "hiddenAt",
         (SELECT count(*)::int FROM post_reports r WHERE r.post_id = p.id) AS "reportCount",
         COALESCE((SELECT json_agg(json_build_object('reason', g.reason, 'count', g.n) ORDER BY g.n DESC, g.reason)
           FROM (SELECT r.reason, count(*)::int AS n FROM post_reports r WHERE r.post_id = p.id GROUP BY r.reason) g),
           '[]'::json) AS reasons
       FROM posts p LEFT JOIN members m ON m.id = p.author_id
       WHERE p.status = 'hidden' AND p.deleted_at IS NULL
       UNION ALL
       SELECT 'comment', c.id, c.post_id, c.text, c.member_id, m.nickname, c.hidden_at,
         (SELECT count(*)::int FROM comment_reports r WHERE r.comment_id = c.id),
         COALESCE((SELECT json_agg(json_build_object('reason', g.reason, 'count', g.n) ORDER BY g.n DESC, g.reason)
           FROM (SELECT r.reason, count(*)::int AS n FROM comment_reports r WHERE r.comment_id = c.id
                 GROUP BY r.reason) g),
           '[]'::json)
       FROM comments c LEFT JOIN members m ON m.id = c.member_id
       WHERE c.hidden_at IS NOT NULL AND c.removed_at IS NULL AND c.deleted_at IS NULL
     ) q WHERE $1::float8 IS NULL OR (-extract(epoch FROM "hiddenAt") * 1000, id) > ($1::float8, $2::text)
     ORDER BY "hiddenAt" DESC, id LIMIT $3`,
    [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  )

/** Restores a hidden post: published again, its reports cleared (it takes 5 new reporters to hide it again). */
export const restorePost = async (sql: Sql, postId: string): Promise<boolean> => {
  const rows = await sql.query(
    `UPDATE posts SET status = 'published', hidden_at = NULL WHERE id = $1 AND status = 'hidden'
       AND deleted_at IS NULL RETURNING id`,
    [postId],
  )
  if (rows.length === 0) return false
  await sql.query(`DELETE FROM post_reports WHERE post_id = $1`, [postId])
  return true
}

/**
 * Removes a hidden post for good: `rejected` with the operator's reason, which only its author then sees. It keeps
 * hidden_at (one hidden before hidden_at existed takes the removal's time): a rejected post that was hidden is one
 * the operator removed after it was published (`isRemoved`), never one the review turned down, which was never up.
 */
export const removePost = async (sql: Sql, postId: string, reason: string, at: number): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE posts SET status = 'rejected', reject_reason = $2, hidden_at = COALESCE(hidden_at, $3)
         WHERE id = $1 AND status = 'hidden' AND deleted_at IS NULL RETURNING id`,
      [postId, reason, new Date(at)],
    )
  ).length > 0

/** Restores a hidden comment: visible again, its reports cleared. */
export const restoreComment = async (sql: Sql, commentId: string): Promise<boolean> => {
  const rows = await sql.query(
    `UPDATE comments SET hidden_at = NULL WHERE id = $1 AND hidden_at IS NOT NULL AND removed_at IS NULL
       AND deleted_at IS NULL RETURNING id`,
    [commentId],
  )
  if (rows.length === 0) return false
  await sql.query(`DELETE FROM comment_reports WHERE comment_id = $1`, [commentId])
  return true
}

/** Removes a hidden comment for good: never answered to members again (its replies stay, under a placeholder). */
export const removeComment = async (sql: Sql, commentId: string, reason: string, at: number): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE comments SET removed_at = $3, removed_reason = $2 WHERE id = $1 AND hidden_at IS NOT NULL
         AND removed_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [commentId, reason, new Date(at)],
    )
  ).length > 0

export const softDeletePost = async (sql: Sql, postId: string, at: number): Promise<void> => {
  await sql.query(`UPDATE posts SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL`, [postId, new Date(at)])
}

/** Posts whose review delay has passed are published. */
export const releaseDuePosts = async (sql: Sql, at: number): Promise<void> => {
  await sql.query(`UPDATE posts SET status = 'published' WHERE status = 'pending' AND publish_at <= $1`, [new Date(at)])
}

export type CommentRow = {
  id: string
  postId: string
  memberId: string
  parentId: string | null
  text: string
  createdAt: Date
  nickname: string | null
  avatarUrl: string | null
  growth: number | null
  /** Set on a top-level comment deleted while it had replies: a placeholder for its thread. */
  deletedAt: Date | null
  /** A reply to a reply: the member it answers (null for a top-level comment and a reply to one). */
  addresseeId: string | null
  addresseeNickname: string | null
  /**
   * Set once 5 distinct members reported it: shown to nobody but its author (marked as waiting for review) until the
   * operator restores it.
   */
  hiddenAt: Date | null
  /**
   * Set once the operator removed it (after it was hidden): shown to nobody but its author, who reads it marked as
   * removed with the operator's reason (removedReason), as a removed post's author does.
   */
  removedAt: Date | null
  removedReason: string | null
  /** Replies not hidden (a hidden comment's placeholder stands only over these). */
  visibleReplyCount: number
}

const COMMENT_SELECT = `SELECT c.id, c.post_id AS "postId", c.member_id AS "memberId", c.parent_id AS "parentId",
  c.text, c.created_at AS "createdAt", m.nickname, m.avatar_url AS "avatarUrl", m.growth,
  c.deleted_at AS "deletedAt", c.addressee_id AS "addresseeId", a.nickname AS "addresseeNickname",
  c.hidden_at AS "hiddenAt", c.removed_at AS "removedAt", c.removed_reason AS "removedReason",
  (SELECT count(*)::int FROM comments r WHERE r.parent_id = c.id AND r.hidden_at IS NULL) AS "visibleReplyCount"
  FROM comments c LEFT JOIN members m ON m.id = c.member_id LEFT JOIN members a ON a.id = c.addressee_id`

export const insertComment = async (
  sql: Sql,
  comment: {
    id: string
    postId: string
    memberId: string
    parentId: string | null
    addresseeId?: string | null
    text: string
    at: number
  },
): Promise<void> => {
  await sql.query(
    `INSERT INTO comments (id, post_id, member_id, parent_id, addressee_id, text, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      comment.id,
      comment.postId,
      comment.memberId,
      comment.parentId,
      comment.addresseeId ?? null,
      comment.text,
      new Date(comment.at),
    ],
  )
}

/**
 * Locks a thread's top-level comment: a reply to it and a deletion in it take turns, so no reply lands under a
 * comment deleted at that moment, and no comment is deleted outright while a reply to it is being written.
 */
export const lockThread = async (sql: Sql, topLevelId: string): Promise<void> => {
  await sql.query(`SELECT 1 FROM comments WHERE id = $1 FOR UPDATE`, [topLevelId])
}

export const replyCount = async (sql: Sql, parentId: string): Promise<number> =>
  (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE parent_id = $1`, [parentId]))[0]?.n ??
  0

/** A top-level comment deleted while it has replies: its words go, the thread's place stays. */
export const tombstoneComment = async (sql: Sql, id: string, at: number): Promise<void> => {
  await sql.query(`UPDATE comments SET deleted_at = $2, text = '' WHERE id = $1 AND deleted_at IS NULL`, [
    id,
    new Date(at),
  ])
}

export const commentById = async (sql: Sql, id: string): Promise<CommentRow | null> =>
  (await sql.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [id]))[0] ?? null

/**
 * Whether the comment `alias` is shown to the viewer ($2, null for a visitor) as itself: not hidden, or hidden by
 * reports and theirs: its author sees it, marked as waiting for review or, once the operator removed it, as removed
 * with the reason; nobody else does.
 */
const shownTo = (alias: string) => `(${alias}.hidden_at IS NULL OR ${alias}.member_id = $2::text)`

/** Top-level comments oldest first, after the keyset (ms, id); limit + 1 rows. */
export const topLevelComments = async (
  sql: Sql,
  postId: string,
  viewerId: string | null,
  after: readonly [number, string] | null,
  limit: number,
): Promise<CommentRow[]> =>
  sql.query<CommentRow>(
    // A deleted or hidden comment shows only as the placeholder of replies still shown; without any it is left out.
    `${COMMENT_SELECT} WHERE c.post_id = $1 AND c.parent_id IS NULL
       AND ((c.deleted_at IS NULL AND ${shownTo('c')})
         OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND ${shownTo('r')}))
       AND ($3::float8 IS NULL OR (extract(epoch FROM c.created_at) * 1000, c.id) > ($3::float8, $4::text))
     ORDER BY c.created_at, c.id LIMIT $5`,
    [postId, viewerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  )

export const repliesTo = async (
  sql: Sql,
  parentIds: readonly string[],
  viewerId: string | null,
): Promise<CommentRow[]> =>
  parentIds.length === 0
    ? []
    : sql.query<CommentRow>(
        // A hidden reply is left out (replies have no placeholder), but for its author, who sees it marked.
        `${COMMENT_SELECT} WHERE c.parent_id = ANY($1::text[]) AND ${shownTo('c')} ORDER BY c.created_at, c.id`,
        [parentIds, viewerId],
      )

/** Whether a topic of that name is offered now (GET /topics): an operator may have removed it since. */
export const topicExists = async (sql: Sql, name: string): Promise<boolean> =>
  (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM topics WHERE name = $1`, [name]))[0]?.n === 1

/** When the member's comments still standing were written, from `sinceMs` on (the comment tasks count them). */
export const commentTimes = async (sql: Sql, memberId: string, sinceMs?: number): Promise<Date[]> =>
  (
    await sql.query<{ createdAt: Date }>(
      `SELECT created_at AS "createdAt" FROM comments WHERE member_id = $1 AND created_at >= $2 AND deleted_at IS NULL`,
      [memberId, new Date(sinceMs ?? 0)],
    )
  ).map((row) => row.createdAt)

/** Deletes a comment outright (a reply, or a top-level comment without replies). */
export const deleteComment = async (sql: Sql, id: string): Promise<void> => {
  await sql.query(`DELETE FROM comments WHERE id = $1`, [id])
}

/** How many uploads the member made from `sinceMs` on. */
export const uploadsSince = async (sql: Sql, memberId: string, sinceMs: number): Promise<number> =>
  (
    await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM uploads WHERE member_id = $1 AND created_at >= $2`, [
      memberId,
      new Date(sinceMs),
    ])
  )[0]?.n ?? 0

export const insertUpload = async (
  sql: Sql,
  upload: { name: string; memberId: string; contentType: string; bytes: Uint8Array; at: number },
): Promise<void> => {
  await sql.query(
    `INSERT INTO uploads (name, member_id, content_type, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      upload.name,
      upload.memberId,
      upload.contentType,
      upload.bytes.length,
      Buffer.from(upload.bytes),
      new Date(upload.at),
    ],
  )
}

/** Who uploaded it (null: no such upload), without reading its bytes. */
export const uploadOwner = async (sql: Sql, name: string): Promise<string | null> =>
  (await sql.query<{ memberId: string }>(`SELECT member_id AS "memberId" FROM uploads WHERE name = $1`, [name]))[0]
    ?.memberId ?? null

export const uploadByName = async (
  sql: Sql,
  name: string,
): Promise<{ memberId: string; contentType: string; bytes: Uint8Array } | null> =>
  (
    await sql.query<{ memberId: string; contentType: string; bytes: Uint8Array }>(
      `SELECT member_id AS "memberId", content_type AS "contentType", bytes FROM uploads WHERE name = $1`,
      [name],
    )
  )[0] ?? null

export type EventRow = {
  id: string
  postId: string | null
  title: string
  badgeName: string
  startsOn: string
  endsOn: string
  allowsMakeup: boolean
  joinedCount: number
  joinedByMe: boolean
  certificateCode: string | null
}

const EVENT_SELECT = `SELECT e.id, e.post_id AS "postId", e.title, e.badge_name AS "badgeName",
  e.starts_on AS "startsOn", e.ends_on AS "endsOn", e.allows_makeup AS "allowsMakeup",
  (SELECT count(*)::int FROM event_members em WHERE em.event_id = e.id) AS "joinedCount",
  EXISTS (SELECT 1 FROM event_members em WHERE em.event_id = e.id AND em.member_id = $1) AS "joinedByMe",
  (SELECT c.code FROM certificates c WHERE c.event_id = e.id AND c.member_id = $1) AS "certificateCode"
  FROM events e`

/** Newest first (keyset on starts_on, id descending); limit + 1 rows. */
export const eventsPage = async (
  sql: Sql,
  viewerId: string | null,
  after: readonly [string, string] | null,
  limit: number,
): Promise<EventRow[]> =>
  sql.query<EventRow>(
    `${EVENT_SELECT} WHERE ($2::text IS NULL OR (e.starts_on, e.id) < ($2::text, $3::text))
     ORDER BY e.starts_on DESC, e.id DESC LIMIT $4`,
    [viewerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  )

export const eventById = async (sql: Sql, viewerId: string | null, id: string): Promise<EventRow | null> =>
  (await sql.query<EventRow>(`${EVENT_SELECT} WHERE e.id = $2`, [viewerId, id]))[0] ?? null

/** The events a member joined and holds no certificate of (the ones that may complete). */
export const openJoinedEvents = async (sql: Sql, memberId: string): Promise<EventRow[]> =>
  sql.query<EventRow>(
    `${EVENT_SELECT} WHERE EXISTS (SELECT 1 FROM event_members em WHERE em.event_id = e.id AND em.member_id = $1)
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.event_id = e.id AND c.member_id = $1)`,
    [memberId],
  )

/** Whether any challenge runs on this business day. */
export const eventCovering = async (sql: Sql, day: string): Promise<boolean> =>
  (await sql.query(`SELECT 1 FROM events WHERE starts_on <= $1 AND ends_on >= $1 LIMIT 1`, [day])).length > 0

export const insertEvent = async (
  sql: Sql,
  event: { id: string; postId: string | null; title: string; badgeName: string; startsOn: string; endsOn: string },
): Promise<void> => {
  await sql.query(
    // ON CONFLICT: the weekly challenge is created by whichever request first finds the week without one; another
    // arriving at once with the same id waits for it and adds nothing.
    `INSERT INTO events (id, post_id, title, badge_name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING`,
    [event.id, event.postId, event.title, event.badgeName, event.startsOn, event.endsOn],
  )
}

export const insertEventMember = async (sql: Sql, eventId: string, memberId: string, at: number): Promise<void> => {
  await sql.query(
    `INSERT INTO event_members (event_id, member_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [eventId, memberId, new Date(at)],
  )
}

/** One certificate per member per event: the unique key keeps the first, whatever runs at once. */
/** Whether the member holds a KOL level's certificate valid on `day` (YYYY-MM-DD). */
export const hasCurrentKolCertificate = async (
  sql: Sql,
  memberId: string,
  kolLevel: string,
  day: string,
): Promise<boolean> =>
  (
    await sql.query(
      `SELECT 1 FROM certificates WHERE kind = 'kol_level' AND member_id = $1 AND kol_level = $2 AND ends_on >= $3
       LIMIT 1`,
      [memberId, kolLevel, day],
    )
  ).length > 0

export const insertCertificate = async (
  sql: Sql,
  cert: {
    code: string
    /** A challenge's; null for a KOL level's certificate (which names its level instead). */
    eventId: string | null
    kolLevel?: string
    memberId: string
    title: string
    startsOn: string
    endsOn: string
    at: number
  },
): Promise<void> => {
  await sql.query(
    `INSERT INTO certificates (code, event_id, member_id, title, starts_on, ends_on, issued_at, kind, kol_level)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      cert.code,
      cert.eventId,
      cert.memberId,
      cert.title,
      cert.startsOn,
      cert.endsOn,
      new Date(cert.at),
      cert.eventId === null ? 'kol_level' : 'challenge',
      cert.kolLevel ?? null,
    ],
  )
}

export type CertificateRow = {
  code: string
  title: string
  nickname: string | null
  startsOn: string
  endsOn: string
  issuedAt: Date
  kind: 'challenge' | 'kol_level'
}

const CERTIFICATE_SELECT = `SELECT c.code, c.title, m.nickname, c.starts_on AS "startsOn", c.ends_on AS "endsOn",
  c.issued_at AS "issuedAt", c.kind FROM certificates c LEFT JOIN members m ON m.id = c.member_id`

export const certificateByCode = async (sql: Sql, code: string): Promise<CertificateRow | null> =>
  (await sql.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.code = $1`, [code]))[0] ?? null

export const certificatesOf = async (sql: Sql, memberId: string): Promise<CertificateRow[]> =>
  sql.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.member_id = $1 ORDER BY c.issued_at DESC, c.code`, [
    memberId,
  ])
