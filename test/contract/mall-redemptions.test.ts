import { Redemption } from '../../src/contract/all'
import { MockMemberState } from '../../mock/preview/endpoints'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import {
  addAddress,
  allRedemptions,
  balanceOf,
  cancel,
  giftOf,
  grant,
  redeem,
  redeemOk,
  sampleAddress,
  setStock,
} from './support/mall'

const api = createApiClient()
// Moves the clock (shipping), so it holds the lock over HTTP.
lockMockClock(api)

const PHYSICAL = 'gift-earbuds' // physical, 6800 points, limit 1, V1
const COUPON = 'gift-coupon-5' // coupon, 200 points, limit 5
const VIRTUAL = 'gift-ebook' // virtual, 150 points
const HOUR_MS = 60 * 60 * 1000

const ledgerOf = async (token: string) =>
  expectShape(MockMemberState, (await api.request('GET', '/__mock/me', { token })).body).ledger

describeWithMockRoutes('redemptions', () => {
  const restore: [string, number][] = []
  beforeAll(async () => {
    for (const id of [PHYSICAL, COUPON]) restore.push([id, (await giftOf(api, id)).stock])
    await setStock(api, PHYSICAL, 8)
    await setStock(api, COUPON, 1000)
  })
  afterAll(async () => {
    for (const [id, stock] of restore) await setStock(api, id, stock)
  })

  it('a virtual gift or a coupon completes at once with a code; the spend is one ledger entry', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 1000 })
    const coupon = await redeemOk(api, token, { giftId: COUPON, quantity: 2 })
    expect(coupon).toMatchObject({
      giftId: COUPON,
      kind: 'coupon',
      quantity: 2,
      pointsSpent: 400,
      status: 'completed',
      address: null,
      shippedAt: null,
      cancelledAt: null,
    })
    expect(coupon.code).toMatch(/^FL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    expect(coupon.completedAt).toBe(coupon.createdAt)
    const ebook = await redeemOk(api, token, { giftId: VIRTUAL })
    expect(ebook).toMatchObject({ kind: 'virtual', status: 'completed', pointsSpent: 150 })
    expect(ebook.code).not.toBe(coupon.code)
    expect(await balanceOf(api, token)).toBe(1000 - 400 - 150)
    const spends = (await ledgerOf(token)).filter((entry) => entry.type === 'redemption')
    expect(spends.map((entry) => [entry.delta, entry.refId])).toEqual([
      [-400, coupon.id],
      [-150, ebook.id],
    ])
    expect((await giftOf(api, COUPON, token)).redeemedByMe).toBe(2)
    expect((await giftOf(api, COUPON)).redeemedByMe).toBe(0)
  })

  it('a physical gift ships after 2 days and completes 7 days later, by the mock clock; a shipped one cannot be cancelled', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 6800 })
    const address = await addAddress(api, token)
    const stock = (await giftOf(api, PHYSICAL)).stock
    const made = await redeemOk(api, token, { giftId: PHYSICAL, addressId: address.id })
    expect(made).toMatchObject({
      status: 'pending_shipment',
      code: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
    })
    expect(made.address).toEqual({
      name: address.name,
      phone: address.phone,
      region: address.region,
      detail: address.detail,
    })
    expect((await giftOf(api, PHYSICAL)).stock).toBe(stock - 1)
    const read = async () =>
      expectShape(Redemption, (await api.request('GET', `/redemptions/${made.id}`, { token })).body)

    // Editing the address book later does not change where it ships.
    await api.request('PATCH', `/addresses/${address.id}`, { token, body: { detail: '另一个地址 1 号' } })
    expect((await read()).address?.detail).toBe(address.detail)

    await advanceClock(api, { advanceHours: 47 })
    expect((await read()).status).toBe('pending_shipment')
    await advanceClock(api, { advanceHours: 1 })
    const shipped = await read()
    expect(shipped.status).toBe('shipped')
    expect(Date.parse(shipped.shippedAt ?? '') - Date.parse(made.createdAt)).toBe(48 * HOUR_MS)
    expect(shipped.completedAt).toBeNull()
    const refused = expectError(await cancel(api, token, made.id), 409, 'CANCEL_NOT_ALLOWED')
    expect(refused.error.details).toEqual({ status: 'shipped' })
    expect(await balanceOf(api, token)).toBe(0)

    await advanceClock(api, { advanceDays: 7 })
    const completed = await read()
    expect(completed.status).toBe('completed')
    expect(Date.parse(completed.completedAt ?? '') - Date.parse(made.createdAt)).toBe(9 * 24 * HOUR_MS)
    expectError(await cancel(api, token, made.id), 409, 'CANCEL_NOT_ALLOWED')
    expect((await allRedemptions(api, token, 'completed')).map((item) => item.id)).toEqual([made.id])
  })

  it('cancelling a pending one gives back the points (a redemption_cancel entry with the spent lot’s expiry) and the stock, once', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 6800 + 50 })
    const address = await addAddress(api, token)
    const stock = (await giftOf(api, PHYSICAL)).stock
    const made = await redeemOk(api, token, { giftId: PHYSICAL, addressId: address.id })
    await advanceClock(api, { advanceHours: 30 })
    const key = newKey()
    const response = await cancel(api, token, made.id, key)
    expect(response.status).toBe(200)
    const cancelled = expectShape(Redemption, response.body)
    expect(cancelled).toMatchObject({ id: made.id, status: 'cancelled', shippedAt: null, completedAt: null })
    expect(cancelled.cancelledAt).not.toBeNull()
    expect(await balanceOf(api, token)).toBe(6850)
    expect((await giftOf(api, PHYSICAL)).stock).toBe(stock)
    const ledger = await ledgerOf(token)
    const [granted] = ledger
    const refunds = ledger.filter((entry) => entry.type === 'redemption_cancel')
    expect(refunds).toEqual([expect.objectContaining({ delta: 6800, refId: made.id, expiresAt: granted?.expiresAt })])
    // A replay answers the same; the clock moving on does not ship a cancelled one.
    expect((await cancel(api, token, made.id, key)).body).toEqual(response.body)
    await advanceClock(api, { advanceDays: 10 })
    expect(expectShape(Redemption, (await api.request('GET', `/redemptions/${made.id}`, { token })).body).status).toBe(
      'cancelled',
    )
    expect(await balanceOf(api, token)).toBe(6850)
    // A cancelled one does not count toward the limit.
    expect((await giftOf(api, PHYSICAL, token)).redeemedByMe).toBe(0)
    await redeemOk(api, token, { giftId: PHYSICAL, addressId: address.id })
  })

  it('the same Idempotency-Key redeems once: a replay answers the first redemption; another body is 422', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 1000 })
    const key = newKey()
    const first = await redeem(api, token, { giftId: COUPON }, key)
    expect(first.status).toBe(201)
    const again = await redeem(api, token, { giftId: COUPON }, key)
    expect([again.status, again.body]).toEqual([201, first.body])
    expectError(await redeem(api, token, { giftId: COUPON, quantity: 2 }, key), 422, 'IDEMPOTENCY_KEY_REUSED')
    expect(await balanceOf(api, token)).toBe(800)
    expect(await allRedemptions(api, token)).toHaveLength(1)
    // A refusal is replayed too, even once the member could afford it.
    const poorKey = newKey()
    await grant(api, token, { points: -800 })
    expectError(await redeem(api, token, { giftId: COUPON }, poorKey), 409, 'INSUFFICIENT_POINTS')
    await grant(api, token, { points: 800 })
    expectError(await redeem(api, token, { giftId: COUPON }, poorKey), 409, 'INSUFFICIENT_POINTS')
    expect(await allRedemptions(api, token)).toHaveLength(1)
  })

  it('lists newest first, by status, page by page without repeats', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 6800 + 5 * 200 })
    const address = await addAddress(api, token, sampleAddress())
    const coupons = []
    for (let index = 0; index < 4; index += 1) coupons.push(await redeemOk(api, token, { giftId: COUPON }))
    const physical = await redeemOk(api, token, { giftId: PHYSICAL, addressId: address.id })
    const lastCoupon = await redeemOk(api, token, { giftId: COUPON })
    const cancelledResponse = await cancel(api, token, physical.id)
    expect(cancelledResponse.status).toBe(200)

    const all = await allRedemptions(api, token)
    expect(all.map((item) => item.id)).toEqual([lastCoupon, physical, ...coupons.reverse()].map((item) => item.id))
    expect(await allRedemptions(api, token, undefined, 2)).toEqual(all)
    expect((await allRedemptions(api, token, 'cancelled')).map((item) => item.id)).toEqual([physical.id])
    expect(await allRedemptions(api, token, 'completed', 2)).toHaveLength(5)
    expect(await allRedemptions(api, token, 'pending_shipment')).toEqual([])
    expect(await allRedemptions(api, token, 'shipped')).toEqual([])
    const bad = await api.request('GET', '/redemptions?status=lost', { token })
    expectError(bad, 400, 'VALIDATION_FAILED')
  })

  it('does not pay the first-redemption task for a redemption that was cancelled; pays it for one that stands', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: 6800 + 200 })
    const address = await addAddress(api, token)
    const taskOf = async () =>
      (
        (await api.request('GET', '/tasks', { token })).body as {
          items: { action: string; kind: string; isDone: boolean; rewardPoints: number }[]
        }
      ).items.find((task) => task.action === 'redeem' && task.kind === 'once')
    const made = await redeemOk(api, token, { giftId: PHYSICAL, addressId: address.id })
    expect((await cancel(api, token, made.id)).status).toBe(200)
    expect(await taskOf()).toMatchObject({ isDone: false })
    await redeemOk(api, token, { giftId: COUPON })
    const task = await taskOf()
    expect(task).toMatchObject({ isDone: true })
    expect(await balanceOf(api, token)).toBe(6800 + (task?.rewardPoints ?? 0))
  })
})
