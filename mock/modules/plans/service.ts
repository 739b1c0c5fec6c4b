import type { Client, LedgerEntryType, MyPlan, Plan, Purchase } from '../../../src/contract/all'
import { notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { addDays, businessDay } from '../../platform/time'
import { issuePlanCoupon, planCouponsOf, voidPlanCoupons } from '../coupons/service'
import { grantRights, planRoutesOpen, revokePlanRights } from '../distribution/service'
import { placeOrder } from '../orders/service'
import * as data from './data'
import type { PlanRow } from './data'
import { revokeRemaining } from '../points/service'
import { chainPeriods, COUPON_MONTH_DAYS, couponMonthsDue, grantsDistribution, inForce, shipByAt } from './rules'

export type { PlanRow } from './data'

// Membership plans (the seeds' paid membership): buying one is an order like any other (mock payment) and opens a
// period of benefits; buying again queues a period after the last (extends); a refund of its order ends it at once
// and voids its coupons. Benefits are read from the period in force by the server's clock, so moving the mock clock
// past the end stops them.

const toPlan = (ctx: Ctx, row: PlanRow, client: Client): Plan => ({
  id: row.id,
  name: row.name,
  tier: row.tier,
  period: row.period,
  durationDays: row.durationDays,
  priceFen: row.priceFen,
  benefits: {
    checkinMultiplierPercent: row.checkinMultiplierPercent,
    monthlyCouponFen: row.monthlyCouponFen,
    priorityShipping: row.priorityShipping,
  },
  grantsDistribution: grantsDistribution(row, client, planRoutesOpen(ctx, 'h5')),
})

export const plansList = async (ctx: Ctx, client: Client): Promise<{ items: Plan[] }> => ({
  items: (await data.plans(ctx.sql)).map((row) => toPlan(ctx, row, client)),
})

/** Plans that carry distribution rights on H5 where the config allows it (the status lists them per client). */
export const planIdsGrantingDistribution = async (ctx: Ctx): Promise<string[]> =>
  (await data.plans(ctx.sql)).filter((row) => row.grantsDistributionH5).map((row) => row.id)

export const createPlans = (ctx: Ctx, rows: readonly PlanRow[]): Promise<void> => data.insertPlans(ctx.sql, rows)

type Period = data.PeriodRow & { plan: PlanRow; startsAtMs: number; endsAtMs: number; isRefunded: boolean }

const periodsWithPlans = async (ctx: Ctx, memberId: string): Promise<Period[]> => {
  const plans = new Map((await data.plans(ctx.sql)).map((row) => [row.id, row]))
  return (await data.periodsOf(ctx.sql, memberId)).map((row) => {
    const plan = plans.get(row.planId)
    if (!plan) throw new Error(`No plan ${row.planId}`)
    return {
      ...row,
      plan,
      startsAtMs: row.startsAt.getTime(),
      endsAtMs: row.endsAt.getTime(),
      isRefunded: row.refundedAt !== null,
    }
  })
}

/** Re-chains the member's periods (after a purchase or a refund) so each starts when the one before ends. */
const rechain = async (ctx: Ctx, memberId: string): Promise<void> => {
  const periods = await periodsWithPlans(ctx, memberId)
  const chained = chainPeriods(
    periods.map((period) => ({
      orderId: period.orderId,
      purchasedAtMs: period.purchasedAt.getTime(),
      durationDays: period.plan.durationDays,
      isRefunded: period.isRefunded,
    })),
  )
  for (const next of chained) {
    const current = periods.find((period) => period.orderId === next.orderId)
    if (current && (current.startsAtMs !== next.startsAtMs || current.endsAtMs !== next.endsAtMs))
      await data.movePeriod(ctx.sql, next.orderId, next.startsAtMs, next.endsAtMs)
  }
}

/** Each begun month of a running or past period has its coupon (issued when first looked at, once). */
const issueDueCoupons = async (ctx: Ctx, memberId: string, periods: readonly Period[]): Promise<void> => {
  for (const period of periods) {
    if (period.isRefunded || period.plan.monthlyCouponFen === 0) continue
    for (const monthIndex of couponMonthsDue(period.startsAtMs, period.endsAtMs, ctx.nowMs)) {
      const validFrom = businessDay(
        period.startsAtMs + monthIndex * COUPON_MONTH_DAYS * 86_400_000,
        ctx.config.timeZone,
      )
      await issuePlanCoupon(ctx, {
        planOrderId: period.orderId,
        memberId,
        monthIndex,
        valueFen: period.plan.monthlyCouponFen,
        validFrom,
        validUntil: addDays(validFrom, COUPON_MONTH_DAYS - 1),
      })
    }
  }
}

/** A plan's coupons for each month begun by now, for the wallet. */
export const issueDuePlanCoupons = async (ctx: Ctx, memberId: string): Promise<void> =>
  issueDueCoupons(ctx, memberId, await periodsWithPlans(ctx, memberId))

export const myPlan = async (ctx: Ctx, memberId: string): Promise<MyPlan> => {
  const periods = await periodsWithPlans(ctx, memberId)
  await issueDueCoupons(ctx, memberId, periods)
  const live = periods.filter((period) => !period.isRefunded)
  const current = inForce(periods, ctx.nowMs)
  const toPeriod = (period: Period) => ({
    orderId: period.orderId,
    planId: period.planId,
    name: period.plan.name,
    startsAt: isoAt(ctx, period.startsAtMs),
    endsAt: isoAt(ctx, period.endsAtMs),
  })
  const lastEnd = Math.max(...live.map((period) => period.endsAtMs))
  return {
    current: current && {
      ...toPeriod(current),
      tier: current.plan.tier,
      benefits: {
        checkinMultiplierPercent: current.plan.checkinMultiplierPercent,
        monthlyCouponFen: current.plan.monthlyCouponFen,
        priorityShipping: current.plan.priorityShipping,
      },
    },
    endsAt: live.length > 0 && lastEnd > ctx.nowMs ? isoAt(ctx, lastEnd) : null,
    periods: periods.filter((period) => !period.isRefunded).map(toPeriod),
    coupons: await planCouponsOf(ctx, memberId),
  }
}

/** What /me shows: the plan in force and when the membership (with its extensions) ends; null without one. */
export const membershipBadge = async (
  ctx: Ctx,
  memberId: string,
): Promise<{ planId: string; name: string; endsAt: string } | null> => {
  const periods = await periodsWithPlans(ctx, memberId)
  const current = inForce(periods, ctx.nowMs)
  if (!current) return null
  const lastEnd = Math.max(...periods.filter((period) => !period.isRefunded).map((period) => period.endsAtMs))
  return { planId: current.planId, name: current.plan.name, endsAt: isoAt(ctx, lastEnd) }
}

/** The check-in multiplier of the plan in force (100 without one). */
export const planCheckinMultiplier = async (ctx: Ctx, memberId: string): Promise<number> =>
  inForce(await periodsWithPlans(ctx, memberId), ctx.nowMs)?.plan.checkinMultiplierPercent ?? 100

/** The plan in force now and the order that bought it (what its check-in bonus is booked against), or null. */
export const planInForce = async (
  ctx: Ctx,
  memberId: string,
): Promise<{ orderId: string; checkinMultiplierPercent: number; priorityShipping: boolean } | null> => {
  const current = inForce(await periodsWithPlans(ctx, memberId), ctx.nowMs)
  return current
    ? {
        orderId: current.orderId,
        checkinMultiplierPercent: current.plan.checkinMultiplierPercent,
        priorityShipping: current.plan.priorityShipping,
      }
    : null
}

/** The check-in bonus a plan's multiplier added: its own ledger type, booked against the plan's order. */
export const PLAN_BONUS_ENTRY: LedgerEntryType = 'plan_checkin_bonus'

/**
 * The shipping promised for something the member orders or redeems now: priority (24 h) while a plan with priority
 * shipping is in force, else 48 h, by the server's clock. A plan that ended or was refunded promises nothing more.
 */
export const shippingPromise = async (
  ctx: Ctx,
  memberId: string,
): Promise<{ priorityShipping: boolean; shipBy: number }> => {
  const priorityShipping = (await planInForce(ctx, memberId))?.priorityShipping ?? false
  return { priorityShipping, shipBy: shipByAt(ctx.nowMs, priorityShipping) }
}

/**
 * Buys a plan: its order (mock payment: points pending, growth, commission for the buyer's distributor), then a
 * period after the last one. Where the plan carries distribution rights for this client (H5 only, by config), the
 * member becomes a distributor, its order pays no commission, and the refund of this order takes the right back.
 */
export const purchasePlan = async (
  ctx: Ctx,
  memberId: string,
  request: { planId: string; client: Client },
): Promise<Purchase> => {
  const plan = await data.planById(ctx.sql, request.planId)
  if (!plan) throw notFound('The plan')
  const carriesRights = grantsDistribution(plan, request.client, planRoutesOpen(ctx, request.client))
  const order = await placeOrder(ctx, memberId, {
    kind: 'plan',
    planId: plan.id,
    name: plan.name,
    priceFen: plan.priceFen,
    carriesRights,
  })
  await data.insertPeriod(ctx.sql, {
    orderId: order.id,
    memberId,
    planId: plan.id,
    purchasedAt: ctx.nowMs,
    // Placeholders: rechain puts it after the last period.
    startsAt: ctx.nowMs,
    endsAt: ctx.nowMs + plan.durationDays * 86_400_000,
  })
  await rechain(ctx, memberId)
  if (carriesRights) await grantRights(ctx, memberId, 'plan', order.id)
  return { order, membership: await myPlan(ctx, memberId) }
}

/**
 * The refund of a plan's order: its period ends at once, its coupons are void, the check-in bonus it paid is taken
 * back, a right it carried is taken back. Runs once per order (the order's refund is decided under its row lock).
 */
export const endPlanPeriod = async (ctx: Ctx, orderId: string): Promise<void> => {
  const period = await data.periodOfOrder(ctx.sql, orderId)
  if (!period || !(await data.refundPeriod(ctx.sql, orderId, ctx.nowMs))) return
  await voidPlanCoupons(ctx, orderId)
  // The check-in bonus its multiplier paid goes back: what is left of it (points already spent or expired are gone).
  await revokeRemaining(ctx, period.memberId, {
    type: PLAN_BONUS_ENTRY,
    sourceRefId: orderId,
    entry: { type: 'plan_refund' satisfies LedgerEntryType, reason: '付费会员退款 · 收回签到加成', refId: orderId },
  })
  await revokePlanRights(ctx, orderId)
  await rechain(ctx, period.memberId)
}
