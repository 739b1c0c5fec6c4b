import type { Coupon } from '@/contract/coupons'

/** What a coupon takes off an amount: the server's rule (the order still pays at least 1 fen). */
export const discountOn = (amountFen: number, valueFen: number): number =>
  Math.max(0, Math.min(valueFen, amountFen - 1))

/**
 * The coupon to offer first on an amount: the biggest discount, then the one expiring soonest (use it before it
 * lapses); null when none takes anything off. Only available coupons count.
 */
export function bestCoupon(coupons: readonly Coupon[], amountFen: number): Coupon | null {
  let best: Coupon | null = null
  for (const coupon of coupons) {
    if (coupon.status !== 'available' || discountOn(amountFen, coupon.valueFen) === 0) continue
    if (
      best === null ||
      discountOn(amountFen, coupon.valueFen) > discountOn(amountFen, best.valueFen) ||
      (discountOn(amountFen, coupon.valueFen) === discountOn(amountFen, best.valueFen) &&
        coupon.validUntil < best.validUntil)
    )
      best = coupon
  }
  return best
}
