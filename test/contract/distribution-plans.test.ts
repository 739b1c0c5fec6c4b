import { DistributionStatus, MyPlan, PlanList, Purchase } from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { refund } from './support/distribution'
import { checkIn, meOf } from './support/membership'

const api = createApiClient()
// Plans end, and check-ins happen, by the mock clock.
lockMockClock(api)

const purchase = async (token: string, planId: string, client: 'weapp' | 'h5' = 'weapp') => {
  const response = await api.request('POST', '/memberships/purchase', {
    token,
    body: { planId, client },
    idempotencyKey: newKey(),
  })
  expect(response.status).toBe(201)
  return expectShape(Purchase, response.body)
}

const myPlan = async (token: string) =>
  expectShape(MyPlan, (await api.request('GET', '/memberships/mine', { token })).body)

/** Today's check-in points (a new V1 member, streak day 1: 5 base points x level 100% x the plan's multiplier). */
const checkInPoints = async (token: string): Promise<number> => {
  const response = await checkIn(api, token)
  expect(response.status).toBe(201)
  return (response.body as { pointsAwarded: number }).pointsAwarded
}

describeWithMockRoutes('membership plans', () => {
  it('lists monthly, quarterly and yearly plans, ordinary and advanced, with price in fen and benefits', async () => {
    const plans = expectShape(PlanList, (await api.request('GET', '/memberships')).body).items
    expect(new Set(plans.map((plan) => `${plan.tier}-${plan.period}`))).toEqual(
      new Set(
        ['ordinary', 'advanced'].flatMap((tier) => ['monthly', 'quarterly', 'yearly'].map((p) => `${tier}-${p}`)),
      ),
    )
    for (const plan of plans) {
      expect(Number.isInteger(plan.priceFen)).toBe(true)
      expect(plan.durationDays).toBe({ monthly: 30, quarterly: 90, yearly: 365 }[plan.period])
    }
    // No plan carries distribution rights for the mini-program, whatever the plan.
    const weapp = expectShape(PlanList, (await api.request('GET', '/memberships?client=weapp')).body).items
    expect(weapp.every((plan) => !plan.grantsDistribution)).toBe(true)
  })

  it("a plan's check-in multiplier applies until its end date and not after; buying again extends it", async () => {
    const { token } = await signUp(api)
    const bought = await purchase(token, 'plan-advanced-monthly')
    expect(bought.order).toMatchObject({
      kind: 'plan',
      planId: 'plan-advanced-monthly',
      status: 'paid',
      amountFen: 3000,
    })
    expect(bought.membership.current?.benefits).toEqual({
      checkinMultiplierPercent: 150,
      monthlyCouponFen: 1500,
      priorityShipping: true,
    })
    expect(bought.membership.coupons).toHaveLength(1)
    const endsAt = bought.membership.endsAt ?? ''
    expect(Date.parse(endsAt) - Date.parse(bought.order.createdAt)).toBe(30 * 24 * 60 * 60 * 1000)
    expect((await meOf(api, token)).membership).toEqual({
      planId: 'plan-advanced-monthly',
      name: '高级会员 · 月卡',
      endsAt,
    })

    // Day 1 of a streak pays 5 points; x1.5 with the plan.
    expect(await checkInPoints(token)).toBe(7)
    await advanceClock(api, { advanceDays: 29 })
    expect((await meOf(api, token)).membership?.planId).toBe('plan-advanced-monthly')
    expect(await checkInPoints(token)).toBe(7)
    await advanceClock(api, { advanceDays: 1 })
    expect((await meOf(api, token)).membership).toBeNull()
    expect((await myPlan(token)).current).toBeNull()
    expect(await checkInPoints(token)).toBe(5)

    // Buying again starts a new period now; buying once more queues it after that one.
    const again = await purchase(token, 'plan-ordinary-monthly')
    const queued = await purchase(token, 'plan-ordinary-quarterly')
    const periods = queued.membership.periods.slice(-2)
    expect(periods.map((period) => period.planId)).toEqual(['plan-ordinary-monthly', 'plan-ordinary-quarterly'])
    expect(periods[1]?.startsAt).toBe(periods[0]?.endsAt)
    expect(Date.parse(queued.membership.endsAt ?? '') - Date.parse(again.order.createdAt)).toBe(
      120 * 24 * 60 * 60 * 1000,
    )
    // Day 3 of the streak (days 29, 30, 31): 5 + the ladder's 10, x1.2 with the ordinary plan.
    await advanceClock(api, { advanceDays: 1 })
    expect(await checkInPoints(token)).toBe(18)
  })

  it("a refunded plan's benefits stop at once, its coupons are void, and its order's growth is taken back", async () => {
    const { token } = await signUp(api)
    const growthBefore = (await meOf(api, token)).growth
    const bought = await purchase(token, 'plan-advanced-quarterly')
    expect((await meOf(api, token)).growth).toBe(growthBefore + 78)
    const response = await refund(api, token, bought.order.id)
    expect(response.status).toBe(200)
    expect((await meOf(api, token)).membership).toBeNull()
    expect((await meOf(api, token)).growth).toBe(growthBefore)
    const after = await myPlan(token)
    expect(after).toMatchObject({ current: null, endsAt: null, periods: [] })
    expect(after.coupons.every((coupon) => coupon.status === 'void')).toBe(true)
    expect(await checkInPoints(token)).toBe(5)
    expectError(await refund(api, token, bought.order.id), 409, 'REFUND_NOT_ALLOWED')
  })

  it('never makes a distributor in the mini-program; the status lists no plan route there', async () => {
    const { token } = await signUp(api)
    await purchase(token, 'plan-advanced-yearly', 'weapp')
    expect((await meOf(api, token)).isDistributor).toBe(false)
    const status = expectShape(
      DistributionStatus,
      (await api.request('GET', '/distribution/status?client=weapp', { token })).body,
    )
    expect(status.plan).toEqual({ isOpen: false, planIds: [] })
    // The seed's config does not allow it on H5 either.
    await purchase(token, 'plan-advanced-yearly', 'h5')
    expect((await meOf(api, token)).isDistributor).toBe(false)
  })
})
