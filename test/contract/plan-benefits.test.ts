// Membership plan benefits made real (issue #12): priority shipping promises an earlier ship-by time on product
// orders and physical redemptions while the plan is in force, and a plan's refund takes back the check-in bonus its
// multiplier paid (what is left of it), once however many refunds arrive.
import { MyPlan, Order, Purchase } from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { buy, refund } from './support/distribution'
import { addAddress, allRedemptions, balanceOf, redeemOk } from './support/mall'
import { checkIn, grant, wholeLedger } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const HOUR_MS = 60 * 60 * 1000
const PRIORITY_PLAN = 'plan-advanced-monthly'
const GIFT = 'gift-tote'

const purchase = async (token: string, planId: string) => {
  const response = await api.request('POST', '/memberships/purchase', {
    token,
    body: { planId, client: 'weapp' },
    idempotencyKey: newKey(),
  })
  expect(response.status).toBe(201)
  return expectShape(Purchase, response.body)
}

/** Hours between when it was made and the promised ship-by time. */
const promisedHours = (made: { createdAt: string; shipBy: string | null }) =>
  (Date.parse(made.shipBy ?? '') - Date.parse(made.createdAt)) / HOUR_MS

/** A member with points for one physical gift and an address. */
const shopper = async () => {
  const member = await signUp(api)
  await grant(api, member.token, { points: 1000 })
  const address = await addAddress(api, member.token)
  return { ...member, addressId: address.id }
}

describeWithMockRoutes('priority shipping (a plan benefit)', () => {
  it('without a plan an order and a physical redemption promise shipping within 48 hours', async () => {
    const member = await shopper()
    const order = await buy(api, member.token, { productId: 'p-serum' })
    expect(order).toMatchObject({ priorityShipping: false })
    expect(promisedHours(order)).toBe(48)
    const redemption = await redeemOk(api, member.token, { giftId: GIFT, addressId: member.addressId })
    expect(redemption).toMatchObject({ priorityShipping: false, status: 'pending_shipment' })
    expect(promisedHours(redemption)).toBe(48)
  })

  it('with a plan carrying it: 24 hours, kept on the order, and the gift ships by then', async () => {
    const member = await shopper()
    const bought = await purchase(member.token, PRIORITY_PLAN)
    expect(bought.membership.current?.benefits.priorityShipping).toBe(true)
    // The plan's own order ships nothing.
    expect(bought.order).toMatchObject({ shipBy: null, priorityShipping: false })

    const order = await buy(api, member.token, { productId: 'p-serum' })
    expect(order.priorityShipping).toBe(true)
    expect(promisedHours(order)).toBe(24)
    const redemption = await redeemOk(api, member.token, { giftId: GIFT, addressId: member.addressId })
    expect(redemption.priorityShipping).toBe(true)
    expect(promisedHours(redemption)).toBe(24)

    // The promise is the mock's shipping time: pending until then, shipped at it.
    await advanceClock(api, { advanceHours: 23 })
    expect((await allRedemptions(api, member.token, 'pending_shipment')).map((item) => item.id)).toEqual([
      redemption.id,
    ])
    await advanceClock(api, { advanceHours: 1 })
    const [shipped] = await allRedemptions(api, member.token, 'shipped')
    expect(shipped).toMatchObject({ id: redemption.id, shippedAt: redemption.shipBy })
    expect(await allRedemptions(api, member.token, 'pending_shipment')).toEqual([])
    // What was promised stays on the order, whatever happens to the plan later.
    const later = expectShape(Order, (await api.request('GET', `/orders/${order.id}`, { token: member.token })).body)
    expect(later).toMatchObject({ priorityShipping: true, shipBy: order.shipBy })
  })

  it('after the plan ends (by the mock clock) orders are back to 48 hours', async () => {
    const member = await shopper()
    await purchase(member.token, PRIORITY_PLAN)
    await advanceClock(api, { advanceDays: 30 })
    const order = await buy(api, member.token, { productId: 'p-serum' })
    expect(order.priorityShipping).toBe(false)
    expect(promisedHours(order)).toBe(48)
  })

  it('a plan without priority shipping promises 48 hours; a refunded plan stops priority at once', async () => {
    const member = await shopper()
    await purchase(member.token, 'plan-ordinary-monthly')
    expect(promisedHours(await buy(api, member.token, { productId: 'p-serum' }))).toBe(48)

    const other = await shopper()
    const bought = await purchase(other.token, PRIORITY_PLAN)
    expect((await refund(api, other.token, bought.order.id)).status).toBe(200)
    const order = await buy(api, other.token, { productId: 'p-serum' })
    expect(order.priorityShipping).toBe(false)
    expect(promisedHours(order)).toBe(48)
    const redemption = await redeemOk(api, other.token, { giftId: GIFT, addressId: other.addressId })
    expect(redemption.priorityShipping).toBe(false)
    expect(promisedHours(redemption)).toBe(48)
  })
})

describeWithMockRoutes("a plan's refund takes back its check-in bonus", () => {
  const bonusEntries = async (token: string) =>
    (await wholeLedger(api, token)).filter((entry) => entry.type === 'plan_checkin_bonus' || entry.type === 'plan_refund')

  it('the bonus is its own ledger line; a refund reverses it with one line, the base check-in points stay', async () => {
    const { token } = await signUp(api)
    const bought = await purchase(token, PRIORITY_PLAN)
    // Day 1: 5 base points, x1.5 with the plan: 7, of which 2 are the plan's.
    expect(((await checkIn(api, token)).body as { pointsAwarded: number }).pointsAwarded).toBe(7)
    await advanceClock(api, { advanceDays: 1 })
    expect(((await checkIn(api, token)).body as { pointsAwarded: number }).pointsAwarded).toBe(7)
    expect(await balanceOf(api, token)).toBe(14)
    expect((await bonusEntries(token)).map((entry) => [entry.type, entry.delta, entry.refId])).toEqual([
      ['plan_checkin_bonus', 2, bought.order.id],
      ['plan_checkin_bonus', 2, bought.order.id],
    ])

    // Two refunds at once: one refunds, and the bonus is reversed once.
    const answers = await Promise.all([refund(api, token, bought.order.id), refund(api, token, bought.order.id)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(await balanceOf(api, token)).toBe(10)
    const reversal = (await bonusEntries(token)).filter((entry) => entry.type === 'plan_refund')
    expect(reversal.map((entry) => [entry.delta, entry.refId])).toEqual([[-4, bought.order.id]])
    expect(expectShape(MyPlan, (await api.request('GET', '/memberships/mine', { token })).body).current).toBeNull()
  })

  it('bonus points already spent are not clawed back: what is left is, and the balance never goes below zero', async () => {
    const member = await shopper()
    // 1000 granted: spend down to 294 so one gift (300) takes the grant, the base 5 and 1 of the 2 bonus points.
    await grant(api, member.token, { points: -706 })
    const bought = await purchase(member.token, PRIORITY_PLAN)
    await checkIn(api, member.token)
    expect(await balanceOf(api, member.token)).toBe(301)
    await redeemOk(api, member.token, { giftId: GIFT, addressId: member.addressId })
    expect(await balanceOf(api, member.token)).toBe(1)

    expect((await refund(api, member.token, bought.order.id)).status).toBe(200)
    expect(await balanceOf(api, member.token)).toBe(0)
    const reversal = (await bonusEntries(member.token)).filter((entry) => entry.type === 'plan_refund')
    expect(reversal.map((entry) => entry.delta)).toEqual([-1])
  })

  it('a plan whose bonus was all spent is refunded without a reversal line', async () => {
    const member = await shopper()
    await grant(api, member.token, { points: -707 })
    const bought = await purchase(member.token, PRIORITY_PLAN)
    await checkIn(api, member.token)
    await redeemOk(api, member.token, { giftId: GIFT, addressId: member.addressId })
    expect(await balanceOf(api, member.token)).toBe(0)
    expect((await refund(api, member.token, bought.order.id)).status).toBe(200)
    expect(await balanceOf(api, member.token)).toBe(0)
    expect((await bonusEntries(member.token)).map((entry) => entry.type)).toEqual(['plan_checkin_bonus'])
  })
})
