import * as v from 'valibot'
// From the index, not './common' (see ./distribution).
import { Id, IsoDateTime, NonNegativeInt, PositiveInt, ReferralCode } from './index'
import { Coupon } from './coupons'
import { Client } from './distribution'

// Orders and membership plans (domain-rules.md: Products and orders). Only their subpackage pages load these
// (imported by path); the products themselves are in ./distribution, where a feed card finds them.

// ---------------------------------------------------------------------------------------------------------------
// Orders

export const OrderRequest = v.object({
  productId: Id,
  quantity: v.optional(v.pipe(PositiveInt, v.maxValue(99)), 1),
  /** The distributor's code of the link the buyer came through. */
  ref: v.optional(ReferralCode),
  /** The 分享赚 post the buyer came through: its author is the distributor. */
  postId: v.optional(Id),
  /** One of the member's available coupons: its value comes off the amount (which stays at least 1 fen). */
  couponCode: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9]{4,24}$/, 'a coupon code'))),
})
export type OrderRequest = v.InferInput<typeof OrderRequest>

/** Where a product order's parcel is (the states of a gift's parcel, src/contract/mall.ts, without cancelled). */
export const ShippingStatus = v.picklist(['pending_shipment', 'shipped', 'completed'])
export type ShippingStatus = v.InferOutput<typeof ShippingStatus>

export const Order = v.object({
  id: Id,
  kind: v.picklist(['product', 'plan']),
  /** Null for a plan order. */
  productId: v.nullable(Id),
  /** Null for a product order. */
  planId: v.nullable(Id),
  itemName: v.string(),
  quantity: PositiveInt,
  /** What was paid: the price times the quantity, less the coupon's discount. */
  amountFen: PositiveInt,
  /** Taken off by the coupon spent on it (0 without one). */
  discountFen: NonNegativeInt,
  /** The coupon spent on it (a refund gives it back, to use while still valid); null without one. */
  couponCode: v.nullable(v.string()),
  status: v.picklist(['paid', 'refunded']),
  ref: v.nullable(v.string()),
  postId: v.nullable(Id),
  createdAt: IsoDateTime,
  /** A refund is possible until then (the points' pending window and the commission's settle window). */
  refundableUntil: IsoDateTime,
  /**
   * Whether the server would take a refund now, by its own clock (paid, inside the window): the app offers 申请退款
   * only then, as the phone's clock is not trusted (and an operator may have moved the mock clock).
   */
  isRefundable: v.boolean(),
  refundedAt: v.nullable(IsoDateTime),
  /** 1 per yuan, pending until refundableUntil, then in the ledger; 0 once refunded. */
  points: NonNegativeInt,
  growth: NonNegativeInt,
  /** The ship-by time promised when it was ordered (48 h, 24 h with a plan's priority shipping); null for a plan. */
  shipBy: v.nullable(IsoDateTime),
  /** Ordered while a plan with priority shipping was in force. */
  priorityShipping: v.boolean(),
  /**
   * Where the parcel is by the server's clock, apart from `status` (the payment's: paid / refunded): the mock ships at
   * `shipBy`, as it ships gift parcels, and the parcel is completed (delivered) 7 days after it shipped. Null when
   * nothing ships: a plan's order, or an order refunded before it shipped. A refund leaves the parcel as it was then.
   */
  shippingStatus: v.nullable(ShippingStatus),
  /** When it shipped (the ship-by time, once reached); null before. */
  shippedAt: v.nullable(IsoDateTime),
  /** When it was completed (delivered); null before. */
  completedAt: v.nullable(IsoDateTime),
})
export type Order = v.InferOutput<typeof Order>
export const OrderPage = v.object({ items: v.array(Order), nextCursor: v.nullable(v.string()) })

/** Why a refund was refused: 409 REFUND_NOT_ALLOWED with `details.reason`. */
export const REFUND_REFUSALS = ['already_refunded', 'window_over'] as const

// ---------------------------------------------------------------------------------------------------------------
// Membership plans

export const PlanBenefits = v.object({
  /** Check-in points are multiplied by this (percent, 100 = x1) on top of the level's multiplier. */
  checkinMultiplierPercent: PositiveInt,
  /** A coupon of this value for each month of the plan (0: none). */
  monthlyCouponFen: NonNegativeInt,
  priorityShipping: v.boolean(),
})
export type PlanBenefits = v.InferOutput<typeof PlanBenefits>

export const Plan = v.object({
  id: Id,
  name: v.string(),
  tier: v.picklist(['ordinary', 'advanced']),
  period: v.picklist(['monthly', 'quarterly', 'yearly']),
  durationDays: PositiveInt,
  priceFen: PositiveInt,
  benefits: PlanBenefits,
  /** Buying it makes the member a distributor: for the asking client only (never weapp). */
  grantsDistribution: v.boolean(),
})
export type Plan = v.InferOutput<typeof Plan>
export const PlansQuery = v.object({ client: v.optional(Client) })
export const PlanList = v.object({ items: v.array(Plan) })

export const PurchaseRequest = v.object({
  planId: Id,
  /** The build buying: a plan never carries distribution rights for weapp. */
  client: Client,
})

/** One paid period of a plan: buying again queues a period after the last one (extends the membership). */
export const PlanPeriod = v.object({
  orderId: Id,
  planId: Id,
  name: v.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
})
export const MyPlan = v.object({
  /** The period in force now with its benefits; null when none is. */
  current: v.nullable(v.object({ ...PlanPeriod.entries, tier: Plan.entries.tier, benefits: PlanBenefits })),
  /** When the last paid period ends (the membership with every extension); null without one. */
  endsAt: v.nullable(IsoDateTime),
  periods: v.array(PlanPeriod),
  /** The plan's monthly coupons (issued as each month begins); the whole wallet is GET /coupons. */
  coupons: v.array(Coupon),
})
export type MyPlan = v.InferOutput<typeof MyPlan>
export const Purchase = v.object({ order: Order, membership: MyPlan })
export type Purchase = v.InferOutput<typeof Purchase>
