import type { LedgerEntry, PointsSummary, ResponseOf, endpoints } from '../../../src/contract/all'
import { ApiError } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import { pageLimit, sqlPage, wholeCursorKey, type PageQuery } from '../../platform/paginate'
import { businessDay, endOfNextYear, instantOfDay, addDays } from '../../platform/time'
import { lockMemberRow } from '../account/service'
import { pendingOrderPoints, releaseOrderPoints } from '../orders/service'
import * as data from './data'
import type { EntryRow } from './data'
import { capFor, cappedAward, expiringWindowEnd } from './rules'

// Points (domain-rules.md, Points and growth). Every change is one appended ledger entry; in the same transaction
// the member's stored balance moves by its delta and the lots follow it (an earned entry opens a lot, a spend
// takes the lots that expire first), so no read ever replays a ledger. Callers hold the member's row lock (the
// http frame takes it for every write).

export type EntryInput = {
  delta: number
  type: string
  reason: string
  refId: string | null
  /** Points given back keep the expiry they had (a cancelled redemption); by default, the end of next year. */
  expiresAt?: number | null
  /** When it happened, if not now (released order points are dated when they left the refund window). */
  at?: number
}

export const toLedgerEntry = (ctx: Pick<Ctx, 'config'>, entry: EntryRow): LedgerEntry => ({
  id: entry.id,
  delta: entry.delta,
  type: entry.type,
  reason: entry.reason,
  refId: entry.refId,
  createdAt: isoAt(ctx, entry.createdAt),
  expiresAt: entry.expiresAt === null ? null : isoAt(ctx, entry.expiresAt),
})

/**
 * The one way points change. Nothing is written for zero. A spend larger than the balance is refused with
 * 409 INSUFFICIENT_POINTS and changes nothing.
 */
export const addEntry = async (ctx: Ctx, memberId: string, input: EntryInput): Promise<EntryRow | null> => {
  if (input.delta === 0) return null
  const at = input.at ?? ctx.nowMs
  if (input.delta < 0) {
    const balance = await data.storedBalance(ctx.sql, memberId)
    if (balance + input.delta < 0)
      throw new ApiError('INSUFFICIENT_POINTS', 'Not enough points.', { balance, required: -input.delta })
  }
  const expiresAt =
    input.delta > 0
      ? input.expiresAt === undefined
        ? Date.parse(endOfNextYear(at, ctx.config.timeZone))
        : input.expiresAt
      : null
  const entry = await data.insertEntry(ctx.sql, {
    id: await newId(ctx.sql, 'pt'),
    memberId,
    delta: input.delta,
    type: input.type,
    reason: input.reason,
    refId: input.refId,
    createdAt: at,
    expiresAt,
  })
  await data.moveBalance(ctx.sql, memberId, input.delta)
  if (input.delta > 0) {
    await data.insertLot(ctx.sql, entry)
    return entry
  }
  let toTake = -input.delta
  for (const lot of await data.openLots(ctx.sql, memberId)) {
    if (toTake === 0) break
    const points = Math.min(lot.remaining, toTake)
    await data.takeFromLot(ctx.sql, entry.id, lot.entryId, points)
    toTake -= points
  }
  return entry
}

/**
 * Gives a spend's points back (a cancelled redemption) as entries that keep the expiry of the lots it took, one
 * per distinct expiry, so a cancel neither extends nor shortens the points' lives.
 */
export const refundSpend = async (
  ctx: Ctx,
  memberId: string,
  spendEntryId: string,
  entry: Pick<EntryInput, 'type' | 'reason' | 'refId'>,
): Promise<void> => {
  const spend = await data.entryById(ctx.sql, spendEntryId)
  if (!spend || spend.delta >= 0) throw new Error(`${spendEntryId} is not a spend`)
  let refunded = 0
  for (const take of await data.takesOf(ctx.sql, spendEntryId)) {
    await addEntry(ctx, memberId, {
      ...entry,
      delta: take.points,
      expiresAt: take.expiresAt === null ? null : take.expiresAt.getTime(),
    })
    refunded += take.points
  }
  // Only for a spend that took no lots (none in a ledger the server wrote): a fresh lot.
  await addEntry(ctx, memberId, { ...entry, delta: -spend.delta - refunded })
}

/**
 * Takes back what is left of points granted by entries of `type` with ref `sourceRefId` (a refunded plan's check-in
 * bonus): one negative entry that empties exactly those lots. Points of theirs already spent or expired are not
 * clawed from other points, so the balance never goes below zero. Answers the points taken back (0 writes nothing).
 */
export const revokeRemaining = async (
  ctx: Ctx,
  memberId: string,
  grant: { type: string; sourceRefId: string; entry: Pick<EntryInput, 'type' | 'reason' | 'refId'> },
): Promise<number> => {
  // Expired lots become expiry entries first: a point is either expired or revoked, never both.
  await settle(ctx, memberId)
  const lots = await data.openLotsEarnedBy(ctx.sql, memberId, grant.type, grant.sourceRefId)
  const points = lots.reduce((sum, lot) => sum + lot.remaining, 0)
  if (points === 0) return 0
  const entry = await data.insertEntry(ctx.sql, {
    id: await newId(ctx.sql, 'pt'),
    memberId,
    delta: -points,
    ...grant.entry,
    createdAt: ctx.nowMs,
    expiresAt: null,
  })
  await data.moveBalance(ctx.sql, memberId, entry.delta)
  for (const lot of lots) await data.takeFromLot(ctx.sql, entry.id, lot.entryId, lot.remaining)
  return points
}

/**
 * Brings the member's points up to the clock: order points past their refund window enter the ledger, then
 * expired lots become `expiry` entries dated when they expired. Cheap when nothing is due (two indexed looks).
 */
export const settle = async (ctx: Ctx, memberId: string): Promise<void> => {
  await releaseOrderPoints(ctx, memberId)
  if (!(await data.hasExpiredLots(ctx.sql, memberId, ctx.nowMs))) return
  // A read may be what settles: take the member's lock so two reads cannot expire one lot twice.
  await lockMemberRow(ctx, memberId)
  for (const lot of await data.expiredLots(ctx.sql, memberId, ctx.nowMs)) {
    const expiredAt = lot.expiresAt?.getTime() ?? ctx.nowMs
    await data.emptyLot(ctx.sql, lot.entryId)
    const entry = await data.insertEntry(ctx.sql, {
      id: await newId(ctx.sql, 'pt'),
      memberId,
      delta: -lot.remaining,
      type: 'expiry',
      reason: '积分到期',
      refId: lot.entryId,
      createdAt: expiredAt,
      expiresAt: null,
    })
    await data.moveBalance(ctx.sql, memberId, entry.delta)
  }
}

export const balanceOf = async (ctx: Ctx, memberId: string): Promise<number> => {
  await settle(ctx, memberId)
  return data.storedBalance(ctx.sql, memberId)
}

const dayBounds = (ctx: Ctx, day: string): [number, number] => [
  instantOfDay(day, ctx.config.timeZone),
  instantOfDay(addDays(day, 1), ctx.config.timeZone),
]

/** Points a source paid on today's business day. */
export const earnedToday = async (ctx: Ctx, memberId: string, source: string): Promise<number> => {
  const [from, to] = dayBounds(ctx, businessDay(ctx.nowMs, ctx.config.timeZone))
  return data.pointsOfTypeBetween(ctx.sql, memberId, source, from, to)
}

/**
 * Points for one action of a capped source (a post, a comment): the source's pointsEach, cut to what its daily
 * maximum still allows today; a source without a configured cap pays nothing. The entry's type is the source.
 */
export const earnWithinDailyCap = async (
  ctx: Ctx,
  memberId: string,
  source: string,
  entry: Pick<EntryInput, 'reason' | 'refId'>,
): Promise<number> => {
  const cap = capFor(source, ctx.config.points.dailyCaps)
  const paid = cap ? cappedAward(cap, await earnedToday(ctx, memberId, source)) : 0
  await addEntry(ctx, memberId, { delta: paid, type: source, ...entry })
  return paid
}

/**
 * The business days on which a source paid the member (one day per positive entry of the type, oldest first):
 * the task center counts paid comments this way. `sinceMs` leaves out what came before it (daily tasks only
 * need today).
 */
export const earnedDays = async (ctx: Ctx, memberId: string, type: string, sinceMs?: number): Promise<string[]> =>
  (await data.earnedTimes(ctx.sql, memberId, type, sinceMs)).map((at) => businessDay(at.getTime(), ctx.config.timeZone))

/** "N points expire on D": the earliest business day within the window on which points expire, and how many. */
const expiringSoon = async (ctx: Ctx, memberId: string): Promise<PointsSummary['expiringSoon']> => {
  const windowEnd = expiringWindowEnd(ctx.nowMs, ctx.config.points.expiringSoonDays, ctx.config.timeZone)
  const lots = await data.lotsExpiringBetween(ctx.sql, memberId, ctx.nowMs, windowEnd)
  const first = lots[0]
  if (!first) return null
  const on = businessDay(first.expiresAt.getTime(), ctx.config.timeZone)
  const points = lots
    .filter((lot) => businessDay(lot.expiresAt.getTime(), ctx.config.timeZone) === on)
    .reduce((sum, lot) => sum + lot.remaining, 0)
  return { points, on }
}

export const summaryOf = async (ctx: Ctx, member: { id: string; growth: number }): Promise<PointsSummary> => {
  const balance = await balanceOf(ctx, member.id)
  const { pending, nextRelease } = await pendingOrderPoints(ctx, member.id)
  return { balance, pending, nextRelease, expiringSoon: await expiringSoon(ctx, member.id), growth: member.growth }
}

export const ledgerPage = async (
  ctx: Ctx,
  memberId: string,
  query: PageQuery & { direction?: 'earned' | 'spent' },
): Promise<ResponseOf<typeof endpoints.pointsLedger>> => {
  // Due expiries and releases are written first, so the pages sum to the balance.
  await settle(ctx, memberId)
  const limit = pageLimit(query)
  const after = wholeCursorKey(query, ['number', 'number'] as const)
  const rows = await data.entriesPage(ctx.sql, memberId, { direction: query.direction, after, limit: limit + 1 })
  const page = sqlPage(rows, limit, (row) => [row.createdAt.getTime(), row.position])
  return { items: page.items.map((row) => toLedgerEntry(ctx, row)), nextCursor: page.nextCursor }
}

/** The whole ledger in append order, with the stored balance and open lots (preview tools, invariant tests). */
export const ledgerState = async (ctx: Ctx, memberId: string) => ({
  entries: (await data.allEntries(ctx.sql, memberId)).map((row) => toLedgerEntry(ctx, row)),
  balance: await data.storedBalance(ctx.sql, memberId),
  lots: (await data.allOpenLots(ctx.sql, memberId)).map((lot) => ({
    id: lot.entryId,
    expiresAt: lot.expiresAt === null ? null : isoAt(ctx, lot.expiresAt),
    remaining: lot.remaining,
  })),
})

/** The most a capped source (posts, comments) pays in a business day; 0 for a source without a cap. */
export const dailyMaximum = (ctx: Pick<Ctx, 'config'>, source: string): number =>
  capFor(source, ctx.config.points.dailyCaps)?.maxPointsPerDay ?? 0
