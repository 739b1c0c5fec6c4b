import type { CouponStatus, MonthlyCoupon } from '../../../src/contract/all'

// Coupons as pure functions: where a coupon stands on a business day, what it takes off an order, whether this
// month's level coupon can be claimed.

/** A level's monthly coupon is valid for this many days from the day it is claimed (that day included). */
export const LEVEL_COUPON_DAYS = 30

/** Decided in this order: used, void, expired, upcoming, available (`today` and the dates are business days). */
export const couponStatus = (
  coupon: { usedOrderId: string | null; voidedAt: Date | null; validFrom: string; validUntil: string },
  today: string,
): CouponStatus => {
  if (coupon.usedOrderId !== null) return 'used'
  if (coupon.voidedAt !== null) return 'void'
  if (today > coupon.validUntil) return 'expired'
  if (today < coupon.validFrom) return 'upcoming'
  return 'available'
}

/** Why a coupon cannot be spent on an amount now (null: it can): its status, else an amount below its minimum. */
export const spendRefusal = (
  status: CouponStatus,
  coupon: { minSpendFen: number },
  amountFen: number,
): Exclude<CouponStatus, 'available'> | 'below_min_spend' | null => {
  if (status !== 'available') return status
  if (amountFen < coupon.minSpendFen) return 'below_min_spend'
  return null
}

/**
 * What a coupon takes off an amount: its value, but the order still pays at least 1 fen (a payment of nothing is no
 * payment). 0 when the amount is 1 fen: nothing to take off.
 */
export const discountOn = (amountFen: number, valueFen: number): number =>
  Math.max(0, Math.min(valueFen, amountFen - 1))

/** Decided in this order: claimed this month (whatever the level now), not_eligible (no coupon at the level), available. */
export const monthlyCouponStatus = (facts: { isClaimed: boolean; levelValueFen: number }): MonthlyCoupon['status'] => {
  if (facts.isClaimed) return 'claimed'
  if (facts.levelValueFen === 0) return 'not_eligible'
  return 'available'
}

type WalletItem = { status: CouponStatus; validFrom: string; validUntil: string; valueFen: number; code: string }

/**
 * The wallet's order: available ones first, soonest to expire first; then upcoming; then the rest, newest first.
 * Alike in that, the bigger one first (so equal coupons sit together), then by code.
 */
export const walletOrder = (a: WalletItem, b: WalletItem): number => {
  const rank = (status: CouponStatus) => (status === 'available' ? 0 : status === 'upcoming' ? 1 : 2)
  const byDates =
    rank(a.status) === 0
      ? a.validUntil.localeCompare(b.validUntil)
      : rank(a.status) === 1
        ? a.validFrom.localeCompare(b.validFrom)
        : b.validFrom.localeCompare(a.validFrom)
  return rank(a.status) - rank(b.status) || byDates || b.valueFen - a.valueFen || a.code.localeCompare(b.code)
}
