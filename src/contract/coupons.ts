import * as v from 'valibot'
// From the index, not './common' (see ./distribution).
import { Id, IsoDate, NonNegativeInt, PositiveInt, YearMonth } from './index'

// Coupons (domain-rules.md, Levels and benefits: the monthly coupon; a membership plan's monthly coupons): one
// wallet, spent on a product order. Only subpackage pages load this (imported by path).

/**
 * Where a coupon came from: a level's monthly coupon (claimed), a plan's (one per month of the plan), or a coupon gift
 * of the points mall (one per unit redeemed).
 */
export const CouponSource = v.picklist(['level', 'plan', 'gift'])
/**
 * Decided in this order: used (on an order that was not refunded), void (its plan was refunded), expired (after
 * validUntil), upcoming (before validFrom), available. Days are business days in the brand's time zone.
 */
export const CouponStatus = v.picklist(['used', 'void', 'expired', 'upcoming', 'available'])
export type CouponStatus = v.InferOutput<typeof CouponStatus>
export const Coupon = v.object({
  code: v.string(),
  source: CouponSource,
  /** Taken off a product order; the order still pays at least 1 fen. */
  valueFen: PositiveInt,
  /** The order amount (price times quantity) it needs before it can be spent; 0: no minimum (无门槛). */
  minSpendFen: NonNegativeInt,
  validFrom: IsoDate,
  validUntil: IsoDate,
  status: CouponStatus,
  /** The order it is spent on; null unless used. */
  orderId: v.nullable(Id),
})
export type Coupon = v.InferOutput<typeof Coupon>
/** Available ones first (soonest to expire first), then the rest, newest first. A member holds a few a month. */
export const CouponList = v.object({ items: v.array(Coupon) })

/** Why a coupon cannot be spent: 409 COUPON_UNAVAILABLE with `details.reason` (and for a claim, below). */
export const COUPON_REFUSALS = ['used', 'void', 'expired', 'upcoming', 'below_min_spend'] as const

/**
 * This business month's coupon of the member's level. Decided in this order: claimed (this month, whatever the
 * level now), not_eligible (the level gives none: `monthlyCouponFen` 0), available. A refused claim is 409
 * COUPON_UNAVAILABLE with the status as `details.reason`.
 */
export const MonthlyCouponStatus = v.picklist(['claimed', 'not_eligible', 'available'])
export const MonthlyCoupon = v.object({
  status: MonthlyCouponStatus,
  /** The business month the status is about. */
  month: YearMonth,
  /** What claiming gives now (the level's value; 0 when not eligible). */
  valueFen: NonNegativeInt,
  /** The coupon claimed this month; null before. */
  coupon: v.nullable(Coupon),
})
export type MonthlyCoupon = v.InferOutput<typeof MonthlyCoupon>
