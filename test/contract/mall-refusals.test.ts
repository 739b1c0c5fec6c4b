import { AddressList, Gift, Member, RedemptionPage } from '../../src/contract/all'
import { MockMemberState } from '../../mock/preview/endpoints'
import type { ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, fieldsOf, signUp } from './support/client'
import { lockMockClock } from './support/clock'
import { addAddress, cancel, giftOf, grant, redeem, redeemOk, sampleAddress, setStock } from './support/mall'

const api = createApiClient()
// A cancel must find its redemption still pending: no other file may move the clock meanwhile.
lockMockClock(api)

// Gifts only this file redeems, so over HTTP no other file moves their stock during a snapshot.
const COUPON = 'gift-coupon-20' // coupon, 600 points, limit 3, V1
const SOLD_OUT = 'gift-badge' // physical, 100 points, stock 0, V1
const V2_PHYSICAL = 'gift-bottle' // physical, 1500 points, limit 1, V2
const V3_PHYSICAL = 'gift-serum-full' // physical, 3000 points, V3
const VIRTUAL = 'gift-ebook' // virtual, 150 points, limit 2, V1: refused here before its stock is read
const GIFTS = [COUPON, SOLD_OUT, V2_PHYSICAL, V3_PHYSICAL]

/** Everything a refusal could change: each member's balance, ledger, redemptions and addresses, and the stocks. */
const snapshot = async (tokens: string[]) => ({
  members: await Promise.all(
    tokens.map(async (token) => ({
      me: expectShape(MockMemberState, (await api.request('GET', '/__mock/me', { token })).body),
      redemptions: expectShape(RedemptionPage, (await api.request('GET', '/redemptions?limit=50', { token })).body),
      addresses: expectShape(AddressList, (await api.request('GET', '/addresses', { token })).body),
    })),
  ),
  stocks: await Promise.all(
    GIFTS.map(async (id) => expectShape(Gift, (await api.request('GET', `/gifts/${id}`)).body).stock),
  ),
})

/** Runs the refused call between two snapshots: the refusal code, and nothing changed. */
const expectRefusedUnchanged = async (
  tokens: string[],
  call: () => Promise<ApiResponse>,
  status: number,
  code: string,
) => {
  const before = await snapshot(tokens)
  const body = expectError(await call(), status, code)
  expect(await snapshot(tokens)).toEqual(before)
  return body
}

const member = async ({ points = 0, growth = 0 } = {}) => {
  const { token } = await signUp(api)
  if (points > 0 || growth > 0) await grant(api, token, { points, growth })
  return token
}

describeWithMockRoutes('every refusal answers its code and changes nothing', () => {
  const restore: [string, number][] = []
  beforeAll(async () => {
    for (const id of GIFTS) restore.push([id, (await giftOf(api, id)).stock])
    await setStock(api, COUPON, 500)
    await setStock(api, V2_PHYSICAL, 60)
    await setStock(api, V3_PHYSICAL, 40)
    await setStock(api, SOLD_OUT, 0)
  })
  afterAll(async () => {
    for (const [id, stock] of restore) await setStock(api, id, stock)
  })

  it('409 INSUFFICIENT_POINTS: says how many points it takes', async () => {
    const token = await member({ points: 599 })
    const body = await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: COUPON }),
      409,
      'INSUFFICIENT_POINTS',
    )
    expect(body.error.details).toEqual({ balance: 599, required: 600 })
    const twice = await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: COUPON, quantity: 2 }),
      409,
      'INSUFFICIENT_POINTS',
    )
    expect(twice.error.details).toEqual({ balance: 599, required: 1200 })
  })

  it('409 OUT_OF_STOCK: a sold-out gift, and a quantity above what is left', async () => {
    const token = await member({ points: 1000 })
    const address = await addAddress(api, token)
    await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: SOLD_OUT, addressId: address.id }),
      409,
      'OUT_OF_STOCK',
    )
    await setStock(api, COUPON, 1)
    const body = await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: COUPON, quantity: 2 }),
      409,
      'OUT_OF_STOCK',
    )
    expect(body.error.details).toEqual({ stock: 1, requested: 2 })
    await setStock(api, COUPON, 500)
  })

  it('409 LIMIT_REACHED: counts what the member holds, not cancelled ones', async () => {
    const token = await member({ points: 600 * 5 })
    await redeemOk(api, token, { giftId: COUPON, quantity: 2 })
    const body = await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: COUPON, quantity: 2 }),
      409,
      'LIMIT_REACHED',
    )
    expect(body.error.details).toEqual({ perMemberLimit: 3, redeemed: 2, requested: 2 })
    await redeemOk(api, token, { giftId: COUPON })
    await expectRefusedUnchanged([token], () => redeem(api, token, { giftId: COUPON }), 409, 'LIMIT_REACHED')
    expect((await giftOf(api, COUPON, token)).redeemedByMe).toBe(3)
  })

  it('403 LEVEL_TOO_LOW: a V1 member and a V3 gift, whatever the points', async () => {
    const token = await member({ points: 10_000 })
    const address = await addAddress(api, token)
    const body = await expectRefusedUnchanged(
      [token],
      () => redeem(api, token, { giftId: V3_PHYSICAL, addressId: address.id }),
      403,
      'LEVEL_TOO_LOW',
    )
    expect(body.error.details).toEqual({ minLevel: 'V3', levelCode: 'V1' })
  })

  it('400 ADDRESS_REQUIRED: a physical gift without an address', async () => {
    const token = await member({ points: 5000, growth: 200 })
    await addAddress(api, token) // having one is not choosing one
    await expectRefusedUnchanged([token], () => redeem(api, token, { giftId: V2_PHYSICAL }), 400, 'ADDRESS_REQUIRED')
  })

  it('404 NOT_FOUND for another member’s address, an unknown address or an unknown gift', async () => {
    const owner = await member()
    const ownersAddress = await addAddress(api, owner, { name: '甲' })
    const token = await member({ points: 5000, growth: 200 })
    await addAddress(api, token)
    for (const addressId of [ownersAddress.id, 'addr-nope']) {
      await expectRefusedUnchanged(
        [token, owner],
        () => redeem(api, token, { giftId: V2_PHYSICAL, addressId }),
        404,
        'NOT_FOUND',
      )
      // Not even for a gift that needs no address: another member's address is never confirmed to exist.
      await expectRefusedUnchanged(
        [token, owner],
        () => redeem(api, token, { giftId: COUPON, addressId }),
        404,
        'NOT_FOUND',
      )
    }
    await expectRefusedUnchanged([token], () => redeem(api, token, { giftId: 'gift-nope' }), 404, 'NOT_FOUND')
  })

  it('409 CANCEL_NOT_ALLOWED: a completed coupon, and a redemption already cancelled', async () => {
    const token = await member({ points: 600 + 1500, growth: 200 })
    const coupon = await redeemOk(api, token, { giftId: COUPON })
    expect(coupon.status).toBe('completed')
    const body = await expectRefusedUnchanged([token], () => cancel(api, token, coupon.id), 409, 'CANCEL_NOT_ALLOWED')
    expect(body.error.details).toEqual({ status: 'completed' })
    const address = await addAddress(api, token)
    const bottle = await redeemOk(api, token, { giftId: V2_PHYSICAL, addressId: address.id })
    expect((await cancel(api, token, bottle.id)).status).toBe(200)
    await expectRefusedUnchanged([token], () => cancel(api, token, bottle.id), 409, 'CANCEL_NOT_ALLOWED')
    expectError(await cancel(api, token, 'rd-nope'), 404, 'NOT_FOUND')
  })

  it('409 ADDRESS_LIMIT_REACHED: the 11th address', async () => {
    const token = await member()
    for (let index = 0; index < 10; index += 1) await addAddress(api, token, { detail: `幸福路 ${index + 1} 号` })
    const body = await expectRefusedUnchanged(
      [token],
      () => api.request('POST', '/addresses', { token, body: sampleAddress({ isDefault: true }) }),
      409,
      'ADDRESS_LIMIT_REACHED',
    )
    expect(body.error.details).toEqual({ limit: 10 })
  })

  it('refuses in a fixed order: level, address, stock, limit, points', async () => {
    const poor = await member()
    // V1 with no points and no address, a V3 physical gift: the level first.
    expectError(await redeem(api, poor, { giftId: V3_PHYSICAL }), 403, 'LEVEL_TOO_LOW')
    // Sold out and no address: the address (what the request lacks) before the stock.
    expectError(await redeem(api, poor, { giftId: SOLD_OUT }), 400, 'ADDRESS_REQUIRED')
    const address = await addAddress(api, poor)
    // Sold out and no points: the stock.
    expectError(await redeem(api, poor, { giftId: SOLD_OUT, addressId: address.id }), 409, 'OUT_OF_STOCK')
    // Over the limit and no points: the limit.
    expectError(await redeem(api, poor, { giftId: COUPON, quantity: 4 }), 409, 'LIMIT_REACHED')
    expectError(await redeem(api, poor, { giftId: COUPON }), 409, 'INSUFFICIENT_POINTS')
    expect(expectShape(Member, (await api.request('GET', '/me', { token: poor })).body).pointsBalance).toBe(0)
  })

  it('400 VALIDATION_FAILED for a bad request, field by field, before anything else', async () => {
    const token = await member({ points: 1000 })
    const send = (body: unknown) =>
      api.request('POST', '/redemptions', { token, body, idempotencyKey: `k-${Math.random()}` })
    expect(Object.keys(fieldsOf(await send({ quantity: 1 })))).toEqual(['giftId'])
    expect(Object.keys(fieldsOf(await send({ giftId: COUPON, quantity: 0 })))).toEqual(['quantity'])
    expect(Object.keys(fieldsOf(await send({ giftId: COUPON, quantity: 11 })))).toEqual(['quantity'])
    expect(Object.keys(fieldsOf(await send({ giftId: COUPON, quantity: 1.5 })))).toEqual(['quantity'])
    expect(Object.keys(fieldsOf(await send({ giftId: 'gift-nope', quantity: '1' })))).toEqual(['quantity'])
    expect(Object.keys(fieldsOf(await send({ giftId: COUPON, quantity: 1, addressId: 7 })))).toEqual(['addressId'])
    // A virtual gift is one unit per redemption (one code each): two at once is refused, before the points are looked at.
    expect(fieldsOf(await send({ giftId: VIRTUAL, quantity: 2 }))).toEqual({
      quantity: expect.stringContaining('virtual'),
    })
    expectError(
      await api.request('POST', '/redemptions', { token, body: { giftId: COUPON, quantity: 1 } }),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    )
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body).pointsBalance).toBe(1000)
  })
})
