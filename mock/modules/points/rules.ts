import type { AppConfig } from '../../../src/contract/all'
import { addDays, businessDay, instantOfDay } from '../../platform/time'

/** The part of a ledger entry the rules need; entries are in append order and never edited. */
export type LedgerLine = {
  id: string
  delta: number
  type: string
  refId: string | null
  expiresAt: string | null
}

export type Lot = { id: string; expiresAt: string | null; remaining: number }

const expiryRank = (lot: Lot): number => (lot.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(lot.expiresAt))

// The points rules of domain-rules.md as pure functions. The server keeps each member's balance and lots current
// in the same transaction as every ledger entry (service.ts); the replay here is the reference they must equal.

/** The balance is the sum of the ledger, always: no separately stored number can drift from it. */
export const sumLedger = (lines: readonly LedgerLine[]): number => lines.reduce((sum, line) => sum + line.delta, 0)

/**
 * What is left of each earned lot after replaying the ledger: spends take the lots that expire first
 * (oldest points first, so members lose as little as possible); an expiry entry empties the lot it names.
 */
export const remainingLots = (lines: readonly LedgerLine[]): Lot[] => {
  const lots: Lot[] = []
  for (const line of lines) {
    if (line.delta > 0) {
      lots.push({ id: line.id, expiresAt: line.expiresAt, remaining: line.delta })
      continue
    }
    if (line.type === 'expiry') {
      const lot = lots.find((candidate) => candidate.id === line.refId)
      if (lot) lot.remaining = Math.max(0, lot.remaining + line.delta)
      continue
    }
    let toConsume = -line.delta
    const byExpiry = lots
      .map((lot, index) => ({ lot, index }))
      .filter(({ lot }) => lot.remaining > 0)
      .sort((a, b) => expiryRank(a.lot) - expiryRank(b.lot) || a.index - b.index)
    for (const { lot } of byExpiry) {
      if (toConsume === 0) break
      const taken = Math.min(lot.remaining, toConsume)
      lot.remaining -= taken
      toConsume -= taken
    }
  }
  return lots.filter((lot) => lot.remaining > 0)
}

/** Lots past their expiry that still hold points: each becomes one `expiry` entry of minus what is left. */
export const expiriesDue = (lines: readonly LedgerLine[], nowMs: number): Lot[] =>
  remainingLots(lines).filter((lot) => lot.expiresAt !== null && Date.parse(lot.expiresAt) < nowMs)

/**
 * The end (exclusive) of the expiring-soon window: the whole business day `windowDays` after today, so whether points
 * "expire within 30 days" depends on the day, not the hour (on 12-01 the points of 12-31 are 30 days away all day).
 */
export const expiringWindowEnd = (nowMs: number, windowDays: number, timeZone: string): number =>
  instantOfDay(addDays(businessDay(nowMs, timeZone), windowDays + 1), timeZone)

/** "N points expire on D": the earliest business day within the window on which points expire, and how many. */
export const expiringSoon = (
  lines: readonly LedgerLine[],
  nowMs: number,
  windowDays: number,
  timeZone: string,
): { points: number; on: string } | null => {
  const windowEnd = expiringWindowEnd(nowMs, windowDays, timeZone)
  const soon = remainingLots(lines).filter((lot) => {
    if (lot.expiresAt === null) return false
    const at = Date.parse(lot.expiresAt)
    return at >= nowMs && at < windowEnd
  })
  const days = soon.map((lot) => businessDay(Date.parse(lot.expiresAt ?? ''), timeZone)).sort()
  const on = days[0]
  if (on === undefined) return null
  const points = soon
    .filter((lot) => businessDay(Date.parse(lot.expiresAt ?? ''), timeZone) === on)
    .reduce((sum, lot) => sum + lot.remaining, 0)
  return { points, on }
}

/**
 * Which lots a spend took, as { expiresAt, points } grouped by expiry (earliest first), replaying the ledger up to
 * it the way remainingLots does. A cancelled redemption gives its points back with these expiries, so cancelling
 * never extends the life of points (nor shortens it). Empty when the spend is not in the lines.
 */
export const lotsTakenBy = (
  lines: readonly LedgerLine[],
  spendId: string,
): { expiresAt: string | null; points: number }[] => {
  const index = lines.findIndex((line) => line.id === spendId)
  const spend = lines[index]
  if (!spend || spend.delta >= 0) return []
  const lots = remainingLots(lines.slice(0, index))
    .map((lot, position) => ({ lot, position }))
    .sort((a, b) => expiryRank(a.lot) - expiryRank(b.lot) || a.position - b.position)
  const taken = new Map<string | null, number>()
  let toConsume = -spend.delta
  for (const { lot } of lots) {
    if (toConsume === 0) break
    const points = Math.min(lot.remaining, toConsume)
    taken.set(lot.expiresAt, (taken.get(lot.expiresAt) ?? 0) + points)
    toConsume -= points
  }
  return [...taken.entries()].map(([expiresAt, points]) => ({ expiresAt, points }))
}
export type DailyCap = AppConfig['points']['dailyCaps'][number]

export const capFor = (source: string, caps: readonly DailyCap[]): DailyCap | null =>
  caps.find((cap) => cap.source === source) ?? null

/** Points a source has paid on a business day: the sum of its positive ledger entries dated that day. */
export const pointsEarnedOn = (
  lines: readonly { delta: number; type: string; createdAt: string }[],
  source: string,
  day: string,
  timeZone: string,
): number =>
  lines
    .filter(
      (line) => line.type === source && line.delta > 0 && businessDay(Date.parse(line.createdAt), timeZone) === day,
    )
    .reduce((sum, line) => sum + line.delta, 0)

/** What one more action of the source pays today: pointsEach, cut to what is left of the day's maximum. */
export const cappedAward = (cap: DailyCap, earnedToday: number): number =>
  Math.max(0, Math.min(cap.pointsEach, cap.maxPointsPerDay - earnedToday))
