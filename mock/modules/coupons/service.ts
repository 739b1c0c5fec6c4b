import { randomBytes } from 'node:crypto'
import type { Coupon, MonthlyCoupon } from '../../../src/contract/all'
import { ApiError, invalid } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { addDays, businessDay } from '../../platform/time'
import type { MemberRow } from '../account/service'
import { levelForGrowth } from '../membership/service'
import { issueDuePlanCoupons } from '../plans/service'
import * as data from './data'
import { couponStatus, discountOn, LEVEL_COUPON_DAYS, monthlyCouponStatus, spendRefusal, walletOrder } from './rules'

// The coupon wallet (domain-rules.md, Levels and benefits: the monthly coupon; a plan's monthly coupons): a level's
// coupon is claimed once per business month, a plan's is issued as each month of the plan begins, a coupon gift's
// comes with its redemption, and any of them is spent on a product order (from its minimum amount, if it has one) and
// comes back when that order is refunded.

const todayOf = (ctx: Ctx): string => businessDay(ctx.nowMs, ctx.config.timeZone)

const CODE_PREFIX = { level: 'LC', plan: 'PC', gift: 'GC' } as const

const newCode = (source: Coupon['source']): string =>
  `${CODE_PREFIX[source]}${randomBytes(5).toString('hex').toUpperCase()}`

const toCoupon = (ctx: Ctx, row: data.CouponRow): Coupon => ({
  code: row.code,
  source: row.source,
  valueFen: row.valueFen,
  minSpendFen: row.minSpendFen,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  status: couponStatus(row, todayOf(ctx)),
  orderId: row.usedOrderId,
})

/** Every coupon of the member, a plan's months begun by now issued first. */
export const walletOf = async (ctx: Ctx, memberId: string): Promise<{ items: Coupon[] }> => {
  await issueDuePlanCoupons(ctx, memberId)
  return { items: (await data.couponsOf(ctx.sql, memberId)).map((row) => toCoupon(ctx, row)).sort(walletOrder) }
}

/** A plan's coupons, for the plan's page (already issued by the caller). */
export const planCouponsOf = async (ctx: Ctx, memberId: string): Promise<Coupon[]> =>
  (await data.planCouponsOf(ctx.sql, memberId)).map((row) => toCoupon(ctx, row))

export const issuePlanCoupon = (
  ctx: Ctx,
  coupon: {
    planOrderId: string
    memberId: string
    monthIndex: number
    valueFen: number
    validFrom: string
    validUntil: string
  },
): Promise<void> => data.insertPlanCoupon(ctx.sql, { ...coupon, code: newCode('plan'), at: ctx.nowMs })

/** A coupon gift's redemption: one coupon per unit in the wallet, valid for the gift's days from today. */
export const issueGiftCoupons = async (
  ctx: Ctx,
  redemption: { memberId: string; redemptionId: string; quantity: number },
  terms: { valueFen: number; minSpendFen: number; validDays: number },
): Promise<void> => {
  const today = todayOf(ctx)
  for (let unit = 0; unit < redemption.quantity; unit += 1)
    await data.insertGiftCoupon(ctx.sql, {
      code: newCode('gift'),
      memberId: redemption.memberId,
      redemptionId: redemption.redemptionId,
      valueFen: terms.valueFen,
      minSpendFen: terms.minSpendFen,
      validFrom: today,
      validUntil: addDays(today, terms.validDays - 1),
      at: ctx.nowMs,
    })
}

/** A refunded plan's coupons are void (one already spent stays with its order). */
export const voidPlanCoupons = (ctx: Ctx, planOrderId: string): Promise<void> =>
  data.voidPlanCoupons(ctx.sql, planOrderId, ctx.nowMs)

// ---------------------------------------------------------------------------------------------------------------
// The level's monthly coupon

const levelCouponFen = (ctx: Ctx, member: MemberRow): number =>
  levelForGrowth(member.growth, ctx.config.levels).monthlyCouponFen

export const monthlyCouponOf = async (ctx: Ctx, member: MemberRow): Promise<MonthlyCoupon> => {
  const month = todayOf(ctx).slice(0, 7)
  const claimed = await data.levelCouponOf(ctx.sql, member.id, month)
  const valueFen = levelCouponFen(ctx, member)
  return {
    status: monthlyCouponStatus({ isClaimed: claimed !== null, levelValueFen: valueFen }),
    month,
    valueFen,
    coupon: claimed && toCoupon(ctx, claimed),
  }
}

const CLAIM_MESSAGES = {
  claimed: "This month's coupon has been claimed already.",
  not_eligible: 'Your level gives no monthly coupon yet.',
} as const

/** Once per business month, at the level's value on the day claimed; valid for LEVEL_COUPON_DAYS from that day. */
export const claimMonthlyCoupon = async (ctx: Ctx, member: MemberRow): Promise<MonthlyCoupon> => {
  const now = await monthlyCouponOf(ctx, member)
  if (now.status !== 'available')
    throw new ApiError('COUPON_UNAVAILABLE', CLAIM_MESSAGES[now.status], { reason: now.status })
  const today = todayOf(ctx)
  const issued = await data.insertLevelCoupon(ctx.sql, {
    code: newCode('level'),
    memberId: member.id,
    levelMonth: now.month,
    valueFen: now.valueFen,
    validFrom: today,
    validUntil: addDays(today, LEVEL_COUPON_DAYS - 1),
    at: ctx.nowMs,
  })
  // Another request claimed it between the read and the write: the unique key kept theirs.
  if (!issued) throw new ApiError('COUPON_UNAVAILABLE', CLAIM_MESSAGES.claimed, { reason: 'claimed' })
  return monthlyCouponOf(ctx, member)
}

// ---------------------------------------------------------------------------------------------------------------
// Spending

const SPEND_MESSAGES = {
  used: 'This coupon has been used.',
  void: 'This coupon is void: its plan was refunded.',
  expired: 'This coupon has expired.',
  upcoming: 'This coupon is not valid yet.',
  below_min_spend: 'The order is below the amount this coupon needs.',
} as const

/** What the member's coupon takes off an amount now, or the refusal (another member's coupon is no different from none). */
export const couponDiscount = async (ctx: Ctx, memberId: string, code: string, amountFen: number): Promise<number> => {
  const row = await data.couponByCode(ctx.sql, code)
  if (!row || row.memberId !== memberId) throw invalid({ couponCode: 'one of your coupons' })
  const refusal = spendRefusal(couponStatus(row, todayOf(ctx)), row, amountFen)
  if (refusal)
    throw new ApiError('COUPON_UNAVAILABLE', SPEND_MESSAGES[refusal], {
      reason: refusal,
      ...(refusal === 'below_min_spend' ? { minSpendFen: row.minSpendFen } : {}),
    })
  const discount = discountOn(amountFen, row.valueFen)
  if (discount === 0) throw invalid({ couponCode: 'an order of more than 1 fen' })
  return discount
}

/** Spends the coupon on the order written in this transaction; a request that spent it first wins. */
export const spendCoupon = async (ctx: Ctx, memberId: string, code: string, orderId: string): Promise<void> => {
  if (await data.spend(ctx.sql, code, memberId, orderId)) return
  // Spent by another order, or voided by its plan's refund, since it was read: say which.
  const row = await data.couponByCode(ctx.sql, code)
  const reason = row?.voidedAt && row.usedOrderId === null ? 'void' : 'used'
  throw new ApiError('COUPON_UNAVAILABLE', SPEND_MESSAGES[reason], { reason })
}

/** The coupon of a refunded order comes back (usable while still valid; a void one stays void). */
export const giveBackCoupon = (ctx: Ctx, orderId: string): Promise<void> => data.giveBack(ctx.sql, orderId)
