// The coupon wallet: a level's monthly coupon (domain-rules.md, Levels and benefits) is claimed once per business
// month at the level's value, a plan's coupons join it, and any of them is spent on a product order: the order pays
// less (at least 1 fen), earns on what it paid, and a refund gives the coupon back.
import { Coupon, CouponList, MonthlyCoupon, Order, Purchase } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock, setClock } from './support/clock'
import { becomeDistributor, buy, commissionsOf, orderRequest, refund } from './support/distribution'
import { redeemOk } from './support/mall'
import { grant } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const SERUM = { id: 'p-serum', priceFen: 19900 }
const CLEANSER = { id: 'p-cleanser', priceFen: 8900 }

const monthly = async (token: string) =>
  expectShape(MonthlyCoupon, (await api.request('GET', '/coupons/monthly', { token })).body)
const claim = (token: string, idempotencyKey = newKey()) =>
  api.request('POST', '/coupons/monthly/claim', { token, idempotencyKey })
const claimOk = async (token: string): Promise<Coupon> => {
  const response = await claim(token)
  expect(response.status).toBe(200)
  const answer = expectShape(MonthlyCoupon, response.body)
  if (!answer.coupon) throw new Error('a claim without its coupon')
  return answer.coupon
}
const wallet = async (token: string) =>
  expectShape(CouponList, (await api.request('GET', '/coupons', { token })).body).items

/** A member at a level (V2 from 200 growth, V3 from 1000). */
const memberWithGrowth = async (growth: number) => {
  const member = await signUp(api)
  if (growth > 0) await grant(api, member.token, { growth })
  return member
}

describeWithMockRoutes("a level's monthly coupon", () => {
  beforeEach(() => setClock(api, '2026-11-10T02:00:00.000Z'))

  it('V1 has none: not eligible, and a claim is refused with the reason and writes nothing', async () => {
    const member = await memberWithGrowth(0)
    expect(await monthly(member.token)).toEqual({ status: 'not_eligible', month: '2026-11', valueFen: 0, coupon: null })
    const refused = await claim(member.token)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'not_eligible' } } })
    expect(await wallet(member.token)).toEqual([])
  })

  it("is claimed once a business month at the level's value, valid for 30 days from the claim", async () => {
    const member = await memberWithGrowth(1000)
    expect(await monthly(member.token)).toMatchObject({ status: 'available', month: '2026-11', valueFen: 1000 })
    const coupon = await claimOk(member.token)
    expect(coupon).toMatchObject({
      source: 'level',
      valueFen: 1000,
      validFrom: '2026-11-10',
      validUntil: '2026-12-09',
      status: 'available',
      orderId: null,
    })
    expect(await monthly(member.token)).toMatchObject({ status: 'claimed', coupon })
    const again = await claim(member.token)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'claimed' } } })
    expect(await wallet(member.token)).toEqual([coupon])

    // The next business month (Shanghai) has its own; last month's is still in the wallet while valid.
    await setClock(api, '2026-11-30T16:30:00.000Z')
    expect(await monthly(member.token)).toMatchObject({ status: 'available', month: '2026-12' })
    const december = await claimOk(member.token)
    expect((await wallet(member.token)).map((item) => item.code)).toEqual([coupon.code, december.code])
    // After its last day it has expired (and sorts after the usable one).
    await setClock(api, '2026-12-10T02:00:00.000Z')
    const later = await wallet(member.token)
    expect(later.map((item) => [item.code, item.status])).toEqual([
      [december.code, 'available'],
      [coupon.code, 'expired'],
    ])
  })

  it('a replayed claim answers the same coupon; claims racing each other issue one', async () => {
    const member = await memberWithGrowth(200)
    const key = newKey()
    const first = await claim(member.token, key)
    const replay = await claim(member.token, key)
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual(first.body)

    const racer = await memberWithGrowth(200)
    const answers = await Promise.all(Array.from({ length: 8 }, () => claim(racer.token)))
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(7)
    expect(await wallet(racer.token)).toHaveLength(1)
  })
})

describeWithMockRoutes('spending a coupon on a product order', () => {
  beforeEach(() => setClock(api, '2026-11-10T02:00:00.000Z'))

  it('takes its value off the amount; points, growth and commission follow what was paid', async () => {
    const kol = await signUp(api)
    const code = await becomeDistributor(api, kol.token)
    const member = await memberWithGrowth(1000)
    const coupon = await claimOk(member.token)
    const response = await orderRequest(api, member.token, { productId: SERUM.id, ref: code, couponCode: coupon.code })
    expect(response.status).toBe(201)
    const order = expectShape(Order, response.body)
    expect(order).toMatchObject({
      amountFen: SERUM.priceFen - 1000,
      discountFen: 1000,
      couponCode: coupon.code,
      points: Math.floor((SERUM.priceFen - 1000) / 100),
      growth: Math.floor((SERUM.priceFen - 1000) / 100),
    })
    // The default commission rate (10%) of what was paid, not of the list price.
    const [commission] = await commissionsOf(api, kol.token)
    expect(commission).toMatchObject({ orderId: order.id, amountFen: Math.floor((SERUM.priceFen - 1000) / 10) })
    expect(await wallet(member.token)).toEqual([{ ...coupon, status: 'used', orderId: order.id }])

    // Spent: a second order with it is refused and writes nothing.
    const before = await api.request('GET', '/orders?limit=50', { token: member.token })
    const again = await orderRequest(api, member.token, { productId: SERUM.id, couponCode: coupon.code })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'used' } } })
    expect((await api.request('GET', '/orders?limit=50', { token: member.token })).body).toEqual(before.body)

    // A refund gives it back, usable again while valid; the refunded order keeps what it paid.
    expect((await refund(api, member.token, order.id)).status).toBe(200)
    expect(await wallet(member.token)).toEqual([coupon])
    const reused = await buy(api, member.token, { productId: CLEANSER.id, couponCode: coupon.code })
    expect(reused).toMatchObject({ amountFen: CLEANSER.priceFen - 1000, discountFen: 1000 })
  })

  it("another member's, an unknown or an expired coupon is refused and writes nothing", async () => {
    const owner = await memberWithGrowth(200)
    const coupon = await claimOk(owner.token)
    const other = await signUp(api)
    const foreign = await orderRequest(api, other.token, { productId: SERUM.id, couponCode: coupon.code })
    expect(foreign.status).toBe(400)
    expect(foreign.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    const unknown = await orderRequest(api, other.token, { productId: SERUM.id, couponCode: 'LC0000000000' })
    expect(unknown.status).toBe(400)
    const badCode = await orderRequest(api, other.token, { productId: SERUM.id, couponCode: 'not a code' })
    expect(badCode.status).toBe(400)
    expect((await api.request('GET', '/orders', { token: other.token })).body).toMatchObject({ items: [] })

    await advanceClock(api, { advanceDays: 30 })
    const expired = await orderRequest(api, owner.token, { productId: SERUM.id, couponCode: coupon.code })
    expect(expired.status).toBe(409)
    expect(expired.body).toMatchObject({ error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'expired' } } })
    expect((await api.request('GET', '/orders', { token: owner.token })).body).toMatchObject({ items: [] })
  })

  it("a plan's coupon is in the wallet and spendable; once its plan is refunded an unspent one is void", async () => {
    const member = await signUp(api)
    const purchase = await api.request('POST', '/memberships/purchase', {
      token: member.token,
      body: { planId: 'plan-ordinary-monthly', client: 'weapp' },
      idempotencyKey: newKey(),
    })
    expect(purchase.status).toBe(201)
    const bought = expectShape(Purchase, purchase.body)
    const [planCoupon] = bought.membership.coupons
    if (!planCoupon) throw new Error('the plan gave no coupon')
    expect(planCoupon).toMatchObject({ source: 'plan', status: 'available' })
    expect(await wallet(member.token)).toEqual([planCoupon])
    expect((await refund(api, member.token, bought.order.id)).status).toBe(200)
    expect(await wallet(member.token)).toEqual([{ ...planCoupon, status: 'void' }])
    const voided = await orderRequest(api, member.token, { productId: SERUM.id, couponCode: planCoupon.code })
    expect(voided.status).toBe(409)
    expect(voided.body).toMatchObject({ error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'void' } } })
  })

  it('a coupon gift of the points mall puts one coupon per unit in the wallet, spent from its minimum amount', async () => {
    const member = await memberWithGrowth(0)
    await grant(api, member.token, { points: 1200 })
    const redemption = await redeemOk(api, member.token, { giftId: 'gift-coupon-20', quantity: 2 })
    const coupons = await wallet(member.token)
    expect(coupons).toHaveLength(2)
    for (const coupon of coupons)
      expect(coupon).toMatchObject({
        source: 'gift',
        valueFen: 2000,
        minSpendFen: 19900,
        validFrom: '2026-11-10',
        validUntil: '2026-12-09',
        status: 'available',
      })
    expect(redemption).toMatchObject({ kind: 'coupon', quantity: 2 })

    // 满 199 减 20: an order of 89 yuan is refused with the minimum and writes nothing; one of 199 takes 20 off.
    const [first] = coupons
    const below = await orderRequest(api, member.token, { productId: CLEANSER.id, couponCode: first?.code })
    expect(below.status).toBe(409)
    expect(below.body).toMatchObject({
      error: { code: 'COUPON_UNAVAILABLE', details: { reason: 'below_min_spend', minSpendFen: 19900 } },
    })
    expect((await api.request('GET', '/orders', { token: member.token })).body).toMatchObject({ items: [] })
    const order = await buy(api, member.token, { productId: SERUM.id, couponCode: first?.code })
    expect(order).toMatchObject({ amountFen: SERUM.priceFen - 2000, discountFen: 2000 })
    // Three of the cleanser reach the minimum (267 yuan): the amount is the price times the quantity.
    const three = await orderRequest(api, member.token, {
      productId: CLEANSER.id,
      quantity: 3,
      couponCode: coupons[1]?.code,
    })
    expect(three.status).toBe(201)
    expect(three.body).toMatchObject({ amountFen: CLEANSER.priceFen * 3 - 2000, discountFen: 2000 })
  })

  it('two orders racing for one coupon: one is paid with it, the other refused, nothing half-written', async () => {
    const member = await memberWithGrowth(200)
    const coupon = await claimOk(member.token)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        orderRequest(api, member.token, { productId: SERUM.id, couponCode: coupon.code }),
      ),
    )
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(4)
    const orders = (await api.request('GET', '/orders?limit=50', { token: member.token })).body as { items: Order[] }
    expect(orders.items).toHaveLength(1)
    expect(orders.items[0]).toMatchObject({ discountFen: 500, couponCode: coupon.code })
  })
})
