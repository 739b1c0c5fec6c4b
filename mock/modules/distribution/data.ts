import type { Sql } from '../../platform/db'
import type { ArrivalRefusal, BindingSource, RightsRoute } from '../../../src/contract/all'

// Distribution's SQL: distributors, invite codes, applications, bindings and arrivals, commissions, withdrawals.

export type BindingRow = {
  memberId: string
  distributorId: string
  source: BindingSource
  boundAt: Date
  protectedUntil: Date
}

const BINDING_COLUMNS = `member_id AS "memberId", distributor_id AS "distributorId", source, bound_at AS "boundAt",
  protected_until AS "protectedUntil"`

export const bindingOf = async (sql: Sql, memberId: string): Promise<BindingRow | null> =>
  (await sql.query<BindingRow>(`SELECT ${BINDING_COLUMNS} FROM bindings WHERE member_id = $1`, [memberId]))[0] ?? null

/** The distributor's referrers upwards (their distributor, that one's, ...), one recursive query. */
export const chainAbove = async (sql: Sql, distributorId: string): Promise<string[]> =>
  (
    await sql.query<{ id: string }>(
      `WITH RECURSIVE chain(member_id, depth) AS (
         SELECT distributor_id, 1 FROM bindings WHERE member_id = $1
         UNION ALL
         SELECT b.distributor_id, chain.depth + 1 FROM bindings b JOIN chain ON b.member_id = chain.member_id
         WHERE chain.depth < 100
       ) SELECT member_id AS id FROM chain ORDER BY depth`,
      [distributorId],
    )
  ).map((row) => row.id)

/**
 * Holds a member's row against their own writes (which lock it FOR UPDATE) until this transaction ends, without
 * blocking reads: what the foreign key of a new binding would take anyway, taken before the checks.
 */
export const holdMember = async (sql: Sql, memberId: string): Promise<void> => {
  await sql.query(`SELECT 1 FROM members WHERE id = $1 FOR KEY SHARE`, [memberId])
}

/** Answers false when the member already has a binding (the primary key decides, whatever arrives at once). */
export const insertBinding = async (
  sql: Sql,
  binding: {
    memberId: string
    distributorId: string
    source: BindingSource
    postId: string | null
    at: number
    protectedUntil: number
    atSignup: boolean
  },
): Promise<boolean> =>
  (
    await sql.query(
      `INSERT INTO bindings (member_id, distributor_id, source, post_id, bound_at, protected_until, at_signup)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (member_id) DO NOTHING RETURNING member_id`,
      [
        binding.memberId,
        binding.distributorId,
        binding.source,
        binding.postId,
        new Date(binding.at),
        new Date(binding.protectedUntil),
        binding.atSignup,
      ],
    )
  ).length > 0

export const insertArrival = async (
  sql: Sql,
  arrival: {
    id: string
    distributorId: string
    memberId: string
    source: BindingSource
    reason: ArrivalRefusal
    postId: string | null
    at: number
  },
): Promise<void> => {
  await sql.query(
    `INSERT INTO arrivals (id, distributor_id, member_id, source, reason, post_id, arrived_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      arrival.id,
      arrival.distributorId,
      arrival.memberId,
      arrival.source,
      arrival.reason,
      arrival.postId,
      new Date(arrival.at),
    ],
  )
}

/**
 * Whether this member's arrival through this distributor was already recorded, with the same reason and source,
 * since `sinceMs`: a repeat adds no row (see arriveVia).
 */
export const hasArrivalSince = async (
  sql: Sql,
  arrival: { distributorId: string; memberId: string; source: BindingSource; reason: ArrivalRefusal; sinceMs: number },
): Promise<boolean> =>
  (
    await sql.query(
      `SELECT 1 FROM arrivals WHERE distributor_id = $1 AND member_id = $2 AND source = $3 AND reason = $4
         AND arrived_at >= $5 LIMIT 1`,
      [arrival.distributorId, arrival.memberId, arrival.source, arrival.reason, new Date(arrival.sinceMs)],
    )
  ).length > 0

/** The author of a 分享赚 post that is up (published, not deleted, carrying a product); null for anything else. */
export const earnPostAuthor = async (sql: Sql, postId: string): Promise<string | null> =>
  (
    await sql.query<{ authorId: string }>(
      `SELECT author_id AS "authorId" FROM posts
       WHERE id = $1 AND status = 'published' AND deleted_at IS NULL AND product_id IS NOT NULL`,
      [postId],
    )
  )[0]?.authorId ?? null

/** A fan with the post they came through, if any: `postText` null when that post is deleted or gone. */
export type FanRow = BindingRow & {
  nickname: string
  avatarUrl: string
  postId: string | null
  postText: string | null
}

/**
 * Every fan of the distributor with the post that brought them, in one query (the list is read whole). Only the
 * first characters of a post's text are read: the list names a post by its first words, and a text runs to 1000.
 */
export const fansOf = (sql: Sql, distributorId: string, postId: string | null = null): Promise<FanRow[]> =>
  sql.query<FanRow>(
    `SELECT b.member_id AS "memberId", b.distributor_id AS "distributorId", b.source, b.bound_at AS "boundAt",
       b.protected_until AS "protectedUntil", m.nickname, m.avatar_url AS "avatarUrl", b.post_id AS "postId",
       CASE WHEN p.deleted_at IS NULL THEN left(p.text, 200) END AS "postText"
     FROM bindings b JOIN members m ON m.id = b.member_id LEFT JOIN posts p ON p.id = b.post_id
     WHERE b.distributor_id = $1 AND ($2::text IS NULL OR b.post_id = $2)`,
    [distributorId, postId],
  )

export type ArrivalRow = {
  id: string
  position: number
  memberId: string
  nickname: string
  avatarUrl: string
  source: BindingSource
  reason: ArrivalRefusal
  arrivedAt: Date
  postId: string | null
  postText: string | null
}

/** The arrivals that did not bind, each with the post it came through as fansOf reads it (one query). */
export const arrivalsOf = (sql: Sql, distributorId: string, postId: string | null = null): Promise<ArrivalRow[]> =>
  sql.query<ArrivalRow>(
    `SELECT a.id, a.position, a.member_id AS "memberId", m.nickname, m.avatar_url AS "avatarUrl", a.source, a.reason,
       a.arrived_at AS "arrivedAt", a.post_id AS "postId",
       CASE WHEN p.deleted_at IS NULL THEN left(p.text, 200) END AS "postText"
     FROM arrivals a JOIN members m ON m.id = a.member_id LEFT JOIN posts p ON p.id = a.post_id
     WHERE a.distributor_id = $1 AND ($2::text IS NULL OR a.post_id = $2)`,
    [distributorId, postId],
  )

export type PostStatsRow = {
  id: string
  createdAt: Date
  /** Null once the post is deleted (its words are no longer answered). */
  postText: string | null
  fanCount: number
  arrivalCount: number
  orderCount: number
  /** Of orderCount, those that earned this distributor commission (any level, not reversed). */
  creditedOrderCount: number
  /** Of orderCount, those whose commission went to another distributor (the buyer was bound to them first). */
  otherKolOrderCount: number
  /** Of creditedOrderCount, those that paid this distributor the level-2 commission (a fan of their downline). */
  secondLevelOrderCount: number
  commissionFen: number
}

/**
 * A page of the distributor's 分享赚 posts with what each brought, in one query: fans from the bindings 我的粉丝
 * reads, unbound arrivals from the arrivals it reads, paid orders placed through the post (split by whom their
 * commission went to: this distributor, another one the buyer was bound to first, or nobody) and the non-reversed
 * commission they paid this distributor. Live published posts are listed whatever they brought; any other (in review,
 * hidden, deleted) only when it brought something. Keyset-paged: `after` is the last row's sort key.
 */
export const postStatsOf = (
  sql: Sql,
  distributorId: string,
  page: { sort: 'fans' | 'newest'; after: readonly (number | string)[] | null; limit: number },
): Promise<PostStatsRow[]> => {
  const byFans = page.sort === 'fans'
  // The sort key, negated where the order is descending, so one row comparison (>) serves every page.
  const key = byFans
    ? `(-s."fanCount", -extract(epoch FROM s."createdAt") * 1000, s.id)`
    : `(-extract(epoch FROM s."createdAt") * 1000, s.id)`
  const after = page.after
    ? byFans
      ? `(${key} > ($3::bigint, $4::float8, $5::text))`
      : `(${key} > ($3::float8, $4::text))`
    : 'true'
  return sql.query<PostStatsRow>(
    `WITH fan AS (
       SELECT post_id, count(*)::int AS n FROM bindings WHERE distributor_id = $1 AND post_id IS NOT NULL
       GROUP BY post_id
     ), arrival AS (
       SELECT post_id, count(*)::int AS n FROM arrivals WHERE distributor_id = $1 AND post_id IS NOT NULL
       GROUP BY post_id
     ), sold AS (
       SELECT o.post_id,
         EXISTS (SELECT 1 FROM commissions c WHERE c.order_id = o.id AND c.distributor_id = $1
           AND c.status <> 'reversed') AS "paysMe",
         EXISTS (SELECT 1 FROM commissions c WHERE c.order_id = o.id AND c.level = 1 AND c.distributor_id <> $1)
           AS "paysOther",
         EXISTS (SELECT 1 FROM commissions c WHERE c.order_id = o.id AND c.distributor_id = $1 AND c.level = 2
           AND c.status <> 'reversed') AS "paysMeLevel2"
       FROM orders o JOIN posts p ON p.id = o.post_id
       WHERE p.author_id = $1 AND o.status = 'paid'
     ), sale AS (
       SELECT post_id, count(*)::int AS n, count(*) FILTER (WHERE "paysMe")::int AS mine,
         count(*) FILTER (WHERE NOT "paysMe" AND "paysOther")::int AS other,
         count(*) FILTER (WHERE "paysMeLevel2")::int AS "secondLevel"
       FROM sold GROUP BY post_id
     ), earned AS (
       SELECT o.post_id, sum(c.amount_fen)::int AS fen FROM commissions c JOIN orders o ON o.id = c.order_id
       WHERE c.distributor_id = $1 AND c.status <> 'reversed' AND o.post_id IS NOT NULL GROUP BY o.post_id
     ), s AS (
       SELECT p.id, p.created_at AS "createdAt", CASE WHEN p.deleted_at IS NULL THEN left(p.text, 200) END AS "postText",
         p.status = 'published' AND p.deleted_at IS NULL AS "isLive",
         coalesce(fan.n, 0) AS "fanCount", coalesce(arrival.n, 0) AS "arrivalCount", coalesce(sale.n, 0) AS "orderCount",
         coalesce(sale.mine, 0) AS "creditedOrderCount", coalesce(sale.other, 0) AS "otherKolOrderCount",
         coalesce(sale."secondLevel", 0) AS "secondLevelOrderCount",
         coalesce(earned.fen, 0) AS "commissionFen"
       FROM posts p LEFT JOIN fan ON fan.post_id = p.id LEFT JOIN arrival ON arrival.post_id = p.id
         LEFT JOIN sale ON sale.post_id = p.id LEFT JOIN earned ON earned.post_id = p.id
       WHERE p.author_id = $1 AND p.product_id IS NOT NULL
     )
     SELECT s.id, s."createdAt", s."postText", s."fanCount", s."arrivalCount", s."orderCount", s."creditedOrderCount",
       s."otherKolOrderCount", s."secondLevelOrderCount", s."commissionFen"
     FROM s
     WHERE (s."isLive" OR s."fanCount" + s."arrivalCount" + s."orderCount" + s."commissionFen" > 0) AND ${after}
     ORDER BY ${key} LIMIT $2`,
    [distributorId, page.limit + 1, ...(page.after ?? [])],
  )
}

export const fanCount = async (sql: Sql, distributorId: string): Promise<number> =>
  (
    await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM bindings WHERE distributor_id = $1`, [distributorId])
  )[0]?.n ?? 0

/** When members registering through this distributor's code were bound (the invite task counts them). */
export const signupBindingTimes = async (sql: Sql, distributorId: string): Promise<Date[]> =>
  (
    await sql.query<{ boundAt: Date }>(
      `SELECT bound_at AS "boundAt" FROM bindings WHERE distributor_id = $1 AND at_signup`,
      [distributorId],
    )
  ).map((row) => row.boundAt)

// ---------------------------------------------------------------------------------------------------------------
// Rights

export type DistributorRow = {
  memberId: string
  route: RightsRoute | 'operator'
  orderId: string | null
  grantedAt: Date
}

export const distributorOf = async (sql: Sql, memberId: string): Promise<DistributorRow | null> =>
  (
    await sql.query<DistributorRow>(
      `SELECT member_id AS "memberId", route, order_id AS "orderId", granted_at AS "grantedAt"
       FROM distributors WHERE member_id = $1`,
      [memberId],
    )
  )[0] ?? null

/** Answers false when the member already has the right. */
export const insertDistributor = async (
  sql: Sql,
  row: { memberId: string; route: RightsRoute | 'operator'; orderId: string | null; at: number },
): Promise<boolean> =>
  (
    await sql.query(
      `INSERT INTO distributors (member_id, route, order_id, granted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id) DO NOTHING RETURNING member_id`,
      [row.memberId, row.route, row.orderId, new Date(row.at)],
    )
  ).length > 0

/** The member whose right came with this plan order (answers their id), removed. */
export const deleteDistributorOfOrder = async (sql: Sql, orderId: string): Promise<string | null> =>
  (
    await sql.query<{ memberId: string }>(
      `DELETE FROM distributors WHERE order_id = $1 AND route = 'plan' RETURNING member_id AS "memberId"`,
      [orderId],
    )
  )[0]?.memberId ?? null

/** Takes one use of an invite code that exists, is not expired and not used up; false otherwise. */
export const useInviteCode = async (sql: Sql, code: string, nowMs: number): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE kol_invite_codes SET used_count = used_count + 1
       WHERE code = upper($1) AND (max_uses IS NULL OR used_count < max_uses)
         AND (expires_at IS NULL OR expires_at > $2)
       RETURNING code`,
      [code, new Date(nowMs)],
    )
  ).length > 0

export const insertInviteCodes = async (
  sql: Sql,
  codes: readonly { code: string; maxUses: number | null; expiresAt: number | null }[],
): Promise<void> => {
  for (const code of codes)
    await sql.query(`INSERT INTO kol_invite_codes (code, max_uses, expires_at) VALUES (upper($1), $2, $3)`, [
      code.code,
      code.maxUses,
      code.expiresAt === null ? null : new Date(code.expiresAt),
    ])
}

export type ApplicationRow = {
  id: string
  state: 'pending' | 'approved' | 'rejected'
  appliedAt: Date
  decidesAt: Date
  decidedAt: Date | null
  rejectReason: string | null
}

export const latestApplication = async (sql: Sql, memberId: string): Promise<ApplicationRow | null> =>
  (
    await sql.query<ApplicationRow>(
      `SELECT id, state, applied_at AS "appliedAt", decides_at AS "decidesAt", decided_at AS "decidedAt",
         reject_reason AS "rejectReason"
       FROM distribution_applications WHERE member_id = $1 ORDER BY applied_at DESC, id DESC LIMIT 1`,
      [memberId],
    )
  )[0] ?? null

/** Answers false when one is already pending (the partial unique index decides). */
export const insertApplication = async (
  sql: Sql,
  row: { id: string; memberId: string; note: string; at: number; decidesAt: number },
): Promise<boolean> =>
  (
    await sql.query(
      `INSERT INTO distribution_applications (id, member_id, note, applied_at, decides_at, state)
       VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT DO NOTHING RETURNING id`,
      [row.id, row.memberId, row.note, new Date(row.at), new Date(row.decidesAt)],
    )
  ).length > 0

/** Marks a due pending application approved; answers whether this call did it. */
export const approveDueApplication = async (sql: Sql, id: string, nowMs: number): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE distribution_applications SET state = 'approved', decided_at = decides_at
       WHERE id = $1 AND state = 'pending' AND decides_at <= $2 RETURNING id`,
      [id, new Date(nowMs)],
    )
  ).length > 0

// ---------------------------------------------------------------------------------------------------------------
// Commission

export const insertCommission = async (
  sql: Sql,
  row: {
    id: string
    distributorId: string
    orderId: string
    level: 1 | 2
    amountFen: number
    status: 'pending' | 'reversed'
    settlesAt: number
    at: number
  },
): Promise<void> => {
  await sql.query(
    `INSERT INTO commissions (id, distributor_id, order_id, level, amount_fen, status, settles_at, created_at, reversed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.id,
      row.distributorId,
      row.orderId,
      row.level,
      row.amountFen,
      row.status,
      new Date(row.settlesAt),
      new Date(row.at),
      row.status === 'reversed' ? new Date(row.at) : null,
    ],
  )
}

/** Commissions past their settle window are settled: evaluated when read, by the server's clock. */
export const settleDue = async (sql: Sql, nowMs: number, distributorId?: string): Promise<void> => {
  await sql.query(
    `UPDATE commissions SET status = 'settled'
     WHERE status = 'pending' AND settles_at <= $1 ${distributorId === undefined ? '' : 'AND distributor_id = $2'}`,
    distributorId === undefined ? [new Date(nowMs)] : [new Date(nowMs), distributorId],
  )
}

/** Reverses the order's pending commissions (every level) once; answers how many rows this call reversed. */
export const reverseForOrder = async (sql: Sql, orderId: string, nowMs: number): Promise<number> =>
  (
    await sql.query(
      `UPDATE commissions SET status = 'reversed', reversed_at = $2
       WHERE order_id = $1 AND status = 'pending' AND settles_at > $2 RETURNING id`,
      [orderId, new Date(nowMs)],
    )
  ).length

export type CommissionRow = {
  id: string
  position: number
  orderId: string
  level: 1 | 2
  orderAmountFen: number
  amountFen: number
  status: 'pending' | 'settled' | 'reversed'
  settlesAt: Date
  createdAt: Date
  reversedAt: Date | null
  itemName: string
  buyerNickname: string
  /** Level 1: the buyer was bound to this distributor and protected when they paid (the binding's source). */
  fanSource: BindingSource | null
  /** The binding's post, for a fan through a 分享赚 post. */
  fanPostId: string | null
  fanPostText: string | null
  /** Level 1: the order came through this distributor's 分享赚 post. */
  orderPostId: string | null
  orderPostText: string | null
  /** The order carried a referral code. */
  hasRef: boolean
  /** Level 2: who earned level 1 on the order (this distributor's fan). */
  downlineNickname: string | null
}

/**
 * A page of the distributor's commission rows, newest first (keyset: `after` is the last row's time in ms and
 * position; limit + 1 rows), of one status or all, with what says how the buyer came to pay them, in one query: the
 * buyer's binding (bindings are never re-bound, so the one read now is the one in force when they paid, if it
 * protected them then), the order's post and `ref`, and for level 2 the member who earned level 1. Only the page is
 * read and joined (commissions_distributor_recent), however many the KOL has earned.
 */
export const commissionsOf = (
  sql: Sql,
  distributorId: string,
  page: { status: string | null; after: readonly [number, number] | null; limit: number },
): Promise<CommissionRow[]> =>
  sql.query<CommissionRow>(
    `SELECT c.id, c.position, c.order_id AS "orderId", c.level, o.amount_fen AS "orderAmountFen",
       c.amount_fen AS "amountFen", c.status, c.settles_at AS "settlesAt", c.created_at AS "createdAt",
       c.reversed_at AS "reversedAt", o.item_name AS "itemName", m.nickname AS "buyerNickname",
       b.source AS "fanSource", b.post_id AS "fanPostId",
       CASE WHEN bp.deleted_at IS NULL THEN left(bp.text, 200) END AS "fanPostText",
       op.id AS "orderPostId", CASE WHEN op.deleted_at IS NULL THEN left(op.text, 200) END AS "orderPostText",
       o.ref IS NOT NULL AS "hasRef", dm.nickname AS "downlineNickname"
     FROM commissions c JOIN orders o ON o.id = c.order_id JOIN members m ON m.id = o.member_id
     LEFT JOIN bindings b ON c.level = 1 AND b.member_id = o.member_id AND b.distributor_id = c.distributor_id
       AND b.bound_at <= o.created_at AND b.protected_until > o.created_at
     LEFT JOIN posts bp ON bp.id = b.post_id
     LEFT JOIN posts op ON c.level = 1 AND op.id = o.post_id AND op.author_id = c.distributor_id
     LEFT JOIN commissions c1 ON c.level = 2 AND c1.order_id = c.order_id AND c1.level = 1
     LEFT JOIN members dm ON dm.id = c1.distributor_id
     WHERE c.distributor_id = $1 AND ($2::text IS NULL OR c.status = $2::text)
       AND ($3::float8 IS NULL OR (extract(epoch FROM c.created_at) * 1000, c.position) < ($3::float8, $4::bigint))
     ORDER BY c.created_at DESC, c.position DESC LIMIT $5`,
    [distributorId, page.status, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit + 1],
  )

export type Totals = { pendingFen: number; settledFen: number; reversedFen: number; todayFen: number }

/** `today` is the business day's [start, end): a clock set back in preview must not count later rows as today's. */
export const commissionTotals = async (
  sql: Sql,
  distributorId: string,
  today: { startMs: number; endMs: number },
): Promise<Totals> => {
  const [row] = await sql.query<Totals>(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE status = 'pending'), 0)::int AS "pendingFen",
       coalesce(sum(amount_fen) FILTER (WHERE status = 'settled'), 0)::int AS "settledFen",
       coalesce(sum(amount_fen) FILTER (WHERE status = 'reversed'), 0)::int AS "reversedFen",
       coalesce(sum(amount_fen) FILTER (WHERE status <> 'reversed' AND created_at >= $2 AND created_at < $3), 0)::int
         AS "todayFen"
     FROM commissions WHERE distributor_id = $1`,
    [distributorId, new Date(today.startMs), new Date(today.endMs)],
  )
  return row ?? { pendingFen: 0, settledFen: 0, reversedFen: 0, todayFen: 0 }
}

// ---------------------------------------------------------------------------------------------------------------
// Withdrawals

export type WithdrawalRow = {
  id: string
  position: number
  amountFen: number
  status: 'requested' | 'paid' | 'rejected'
  requestedAt: Date
  decidedAt: Date | null
  rejectReason: string | null
}

const WITHDRAWAL_COLUMNS = `id, position, amount_fen AS "amountFen", status, requested_at AS "requestedAt",
  decided_at AS "decidedAt", reject_reason AS "rejectReason"`

export const withdrawalsOf = (sql: Sql, distributorId: string): Promise<WithdrawalRow[]> =>
  sql.query<WithdrawalRow>(`SELECT ${WITHDRAWAL_COLUMNS} FROM withdrawals WHERE distributor_id = $1`, [distributorId])

export const withdrawalTotals = async (
  sql: Sql,
  distributorId: string,
): Promise<{ withdrawingFen: number; withdrawnFen: number }> => {
  const [row] = await sql.query<{ withdrawingFen: number; withdrawnFen: number }>(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE status = 'requested'), 0)::int AS "withdrawingFen",
       coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0)::int AS "withdrawnFen"
     FROM withdrawals WHERE distributor_id = $1`,
    [distributorId],
  )
  return row ?? { withdrawingFen: 0, withdrawnFen: 0 }
}

/** Whether the member was ever credited commission (any status) or asked for a withdrawal: both indexed lookups. */
export const hasEarnings = async (sql: Sql, memberId: string): Promise<boolean> =>
  (
    await sql.query<{ has: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM commissions WHERE distributor_id = $1)
         OR EXISTS (SELECT 1 FROM withdrawals WHERE distributor_id = $1) AS has`,
      [memberId],
    )
  )[0]?.has ?? false

/** The mock payout: requests whose payout time has passed are paid. */
export const payDueWithdrawals = async (sql: Sql, distributorId: string, nowMs: number): Promise<void> => {
  await sql.query(
    `UPDATE withdrawals SET status = 'paid', decided_at = pays_at
     WHERE distributor_id = $1 AND status = 'requested' AND pays_at <= $2`,
    [distributorId, new Date(nowMs)],
  )
}

/** Answers null when another request is pending (the partial unique index decides, whatever arrives at once). */
export const insertWithdrawal = async (
  sql: Sql,
  row: { id: string; distributorId: string; amountFen: number; at: number; paysAt: number },
): Promise<WithdrawalRow | null> =>
  (
    await sql.query<WithdrawalRow>(
      `INSERT INTO withdrawals (id, distributor_id, amount_fen, status, requested_at, pays_at)
       VALUES ($1, $2, $3, 'requested', $4, $5) ON CONFLICT DO NOTHING RETURNING ${WITHDRAWAL_COLUMNS}`,
      [row.id, row.distributorId, row.amountFen, new Date(row.at), new Date(row.paysAt)],
    )
  )[0] ?? null

export const decideWithdrawal = async (
  sql: Sql,
  id: string,
  decision: { status: 'paid' | 'rejected'; reason: string | null; at: number },
): Promise<WithdrawalRow | null> =>
  (
    await sql.query<WithdrawalRow>(
      `UPDATE withdrawals SET status = $2, reject_reason = $3, decided_at = $4
       WHERE id = $1 AND status = 'requested' RETURNING ${WITHDRAWAL_COLUMNS}`,
      [id, decision.status, decision.reason, new Date(decision.at)],
    )
  )[0] ?? null
