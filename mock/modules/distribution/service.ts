import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import { DAY_MS } from '../../platform/clock'
import { businessDay } from '../../platform/time'
import type { BindingRefusal } from './rules'

// Distribution (domain-rules.md, Distribution and KOLs): who is bound to which distributor, and the commission on
// their orders. What exists today: binding at sign-in through a referral code, and the seed's history.

export type BindingSource = 'card' | 'link' | 'post' | 'code'

/**
 * Why binding member to distributor is refused, or null: first touch wins (already bound), never oneself, and
 * never anyone above the member in the distributor's own chain (a loop of commissions). Walks the chain upwards
 * with one recursive query instead of loading every binding.
 */
const bindingRefusal = async (ctx: Ctx, memberId: string, distributorId: string): Promise<BindingRefusal | null> => {
  if (memberId === distributorId) return 'self'
  const [bound] = await ctx.sql.query(`SELECT 1 FROM bindings WHERE member_id = $1`, [memberId])
  if (bound) return 'already_bound'
  const [cycle] = await ctx.sql.query(
    `WITH RECURSIVE chain(member_id, depth) AS (
       SELECT $2::text, 0
       UNION ALL
       SELECT b.distributor_id, chain.depth + 1 FROM bindings b JOIN chain ON b.member_id = chain.member_id
       WHERE chain.depth < 100
     ) SELECT 1 FROM chain WHERE member_id = $1 LIMIT 1`,
    [memberId, distributorId],
  )
  return cycle ? 'cycle' : null
}

/**
 * A member arriving through a referral code is bound to the code's distributor for the protection window, when
 * bindingRefusal allows it. An unknown code binds nothing and never fails the sign-in. Answers the distributor's
 * id when it bound. The member's row is locked by the caller; the primary key on bindings.member_id keeps
 * "bound at most once" even so.
 */
export const bindByReferral = async (
  ctx: Ctx,
  memberId: string,
  code: string,
  source: BindingSource,
  at = ctx.nowMs,
): Promise<string | null> => {
  const [distributor] = await ctx.sql.query<{ id: string }>(
    `SELECT id FROM members WHERE upper(referral_code) = upper($1) AND is_distributor`,
    [code],
  )
  if (!distributor || (await bindingRefusal(ctx, memberId, distributor.id)) !== null) return null
  const bound = await ctx.sql.query(
    `INSERT INTO bindings (member_id, distributor_id, source, bound_at, protected_until) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (member_id) DO NOTHING RETURNING member_id`,
    [memberId, distributor.id, source, new Date(at), new Date(at + ctx.config.distribution.bindingDays * DAY_MS)],
  )
  return bound.length > 0 ? distributor.id : null
}

/** Business days on which members were bound to this distributor (the invite task counts them). */
export const inviteDays = async (ctx: Ctx, distributorId: string): Promise<string[]> =>
  (
    await ctx.sql.query<{ boundAt: Date }>(`SELECT bound_at AS "boundAt" FROM bindings WHERE distributor_id = $1`, [
      distributorId,
    ])
  ).map((row) => businessDay(row.boundAt.getTime(), ctx.config.timeZone))

export const referrerOf = async (ctx: Ctx, memberId: string) => {
  const [row] = await ctx.sql.query<{
    distributorId: string
    source: BindingSource
    boundAt: Date
    protectedUntil: Date
  }>(
    `SELECT distributor_id AS "distributorId", source, bound_at AS "boundAt", protected_until AS "protectedUntil"
     FROM bindings WHERE member_id = $1`,
    [memberId],
  )
  return row ? { ...row, boundAt: isoAt(ctx, row.boundAt), protectedUntil: isoAt(ctx, row.protectedUntil) } : null
}

export const fanCount = async (ctx: Ctx, distributorId: string): Promise<number> => {
  const [row] = await ctx.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bindings WHERE distributor_id = $1`,
    [distributorId],
  )
  return row?.n ?? 0
}

/** The bound distributor's commission on an order: pending until the settle window passes, reversed on a refund. */
export const recordCommission = async (
  ctx: Ctx,
  order: { id: string; amountFen: number; isRefunded: boolean },
  distributorId: string,
): Promise<void> => {
  const { settleDays, commissionRateBps } = ctx.config.distribution
  const settlesMs = ctx.nowMs + settleDays * DAY_MS
  await ctx.sql.query(
    `INSERT INTO commissions (id, distributor_id, order_id, amount_fen, status, settles_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      await newId(ctx.sql, 'cm'),
      distributorId,
      order.id,
      Math.floor((order.amountFen * commissionRateBps) / 10000),
      order.isRefunded ? 'reversed' : 'pending',
      new Date(settlesMs),
      new Date(ctx.nowMs),
    ],
  )
}

/** Commissions whose settle window has passed are settled (refunds inside the window reverse them first). */
export const settleDueCommissions = async (ctx: Ctx): Promise<void> => {
  await ctx.sql.query(`UPDATE commissions SET status = 'settled' WHERE status = 'pending' AND settles_at <= $1`, [
    new Date(ctx.nowMs),
  ])
}
