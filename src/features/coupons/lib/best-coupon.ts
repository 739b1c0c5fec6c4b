import type { Coupon } from '@/contract/coupons'

/** What a coupon takes off an amount: the server's rule (the order still pays at least 1 fen). */
export const discountOn = (amountFen: number, valueFen: number): number =>
  Math.max(0, Math.min(valueFen, amountFen - 1))

/** What this coupon would take off an order of this amount now: 0 when it cannot be spent on it. */
export const savingOn = (amountFen: number, coupon: Coupon): number =>
  coupon.status === 'available' && amountFen >= coupon.minSpendFen ? discountOn(amountFen, coupon.valueFen) : 0

/**
 * The coupon to offer first on an amount: the biggest discount, then the one expiring soonest (use it before it
 * lapses); null when none takes anything off. Only available coupons the amount reaches the minimum of count.
 */
export function bestCoupon(coupons: readonly Coupon[], amountFen: number): Coupon | null {
  let best: Coupon | null = null
  for (const coupon of coupons) {
    const saving = savingOn(amountFen, coupon)
    if (saving === 0) continue
    const bestSaving = best === null ? 0 : savingOn(amountFen, best)
    if (best === null || saving > bestSaving || (saving === bestSaving && coupon.validUntil < best.validUntil))
      best = coupon
  }
  return best
}
