import type { Client } from '../../../src/contract/all'

// Membership plans as pure functions: how periods chain, which is in force, when monthly coupons fall due.

const DAY_MS = 24 * 60 * 60 * 1000
/** A plan's "month" for its coupon: every 30 days from the period's start. */
export const COUPON_MONTH_DAYS = 30

export type PeriodFacts = {
  orderId: string
  purchasedAtMs: number
  durationDays: number
  isRefunded: boolean
}

/**
 * Periods in the order bought, each starting when it was bought or when the one before ends, whichever is later:
 * buying again extends the membership. Refunded periods take no room (their successors move up).
 */
export const chainPeriods = (
  periods: readonly PeriodFacts[],
): { orderId: string; startsAtMs: number; endsAtMs: number }[] => {
  let previousEnd = -Infinity
  const chained: { orderId: string; startsAtMs: number; endsAtMs: number }[] = []
  for (const period of periods) {
    if (period.isRefunded) continue
    const startsAtMs = Math.max(period.purchasedAtMs, previousEnd)
    const endsAtMs = startsAtMs + period.durationDays * DAY_MS
    chained.push({ orderId: period.orderId, startsAtMs, endsAtMs })
    previousEnd = endsAtMs
  }
  return chained
}

/** The period in force at an instant: started, not ended, not refunded. */
export const inForce = <P extends { startsAtMs: number; endsAtMs: number; isRefunded: boolean }>(
  periods: readonly P[],
  nowMs: number,
): P | null =>
  periods.find((period) => !period.isRefunded && period.startsAtMs <= nowMs && nowMs < period.endsAtMs) ?? null

/** Months of a period that have begun by now (index 0 at its start), each owed a coupon. */
export const couponMonthsDue = (startsAtMs: number, endsAtMs: number, nowMs: number): number[] => {
  const months: number[] = []
  for (let index = 0; ; index += 1) {
    const from = startsAtMs + index * COUPON_MONTH_DAYS * DAY_MS
    if (from >= endsAtMs || from > nowMs) return months
    months.push(index)
  }
}

/** A plan carries distribution rights only for H5, only where the config allows it: never in the mini-program. */
export const grantsDistribution = (plan: { grantsDistributionH5: boolean }, client: Client, configAllows: boolean) =>
  client === 'h5' && configAllows && plan.grantsDistributionH5

/** What the shop promises for shipping (domain rules are silent on it): within 48 hours, 24 with priority shipping. */
export const SHIP_WITHIN_HOURS = 48
export const PRIORITY_SHIP_WITHIN_HOURS = 24

/** The ship-by time promised for something made at `madeAtMs`, by the server's clock. */
export const shipByAt = (madeAtMs: number, isPriority: boolean): number =>
  madeAtMs + (isPriority ? PRIORITY_SHIP_WITHIN_HOURS : SHIP_WITHIN_HOURS) * 60 * 60 * 1000
