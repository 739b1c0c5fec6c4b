import { Redemption } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { lockMockClock } from './support/clock'
import { addAddress, balanceOf, cancel, giftOf, grant, redeem, redeemOk, setStock } from './support/mall'

const api = createApiClient()
// Cancels need "pending shipment" to last while they run: no other file may move the clock meanwhile.
lockMockClock(api)

// Each file of the mall suite works on its own gifts, so over HTTP their stock is not moved by another file.
const RUSH_GIFT = 'gift-video-month' // virtual, 1800 points, limit 1
const PHYSICAL_GIFT = 'gift-fragrance-box' // physical, 5200 points, limit 1

describeWithMockRoutes('redeeming under concurrency', () => {
  const restore: [string, number][] = []
  beforeAll(async () => {
    for (const id of [RUSH_GIFT, PHYSICAL_GIFT]) restore.push([id, (await giftOf(api, id)).stock])
  })
  afterAll(async () => {
    for (const [id, stock] of restore) await setStock(api, id, stock)
  })

  it('200 members at once for a stock of 10: exactly 10 redemptions, stock 0, balances down by exactly 10 x cost', async () => {
    const { pointsCost } = await giftOf(api, RUSH_GIFT)
    const members = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const { token } = await signUp(api)
        await grant(api, token, { points: pointsCost })
        return token
      }),
    )
    await setStock(api, RUSH_GIFT, 10)
    const sumBefore = (await Promise.all(members.map((token) => balanceOf(api, token)))).reduce((a, b) => a + b, 0)
    expect(sumBefore).toBe(200 * pointsCost)

    const responses = await Promise.all(members.map((token) => redeem(api, token, { giftId: RUSH_GIFT })))
    const won = responses.filter((response) => response.status === 201)
    expect(won).toHaveLength(10)
    for (const response of responses.filter((candidate) => candidate.status !== 201))
      expectError(response, 409, 'OUT_OF_STOCK')
    for (const response of won)
      expect(expectShape(Redemption, response.body)).toMatchObject({ status: 'completed', pointsSpent: pointsCost })
    expect(new Set(won.map((response) => (response.body as { code: string }).code)).size).toBe(10)

    expect((await giftOf(api, RUSH_GIFT)).stock).toBe(0)
    const balances = await Promise.all(members.map((token) => balanceOf(api, token)))
    expect(balances.reduce((a, b) => a + b, 0)).toBe(sumBefore - 10 * pointsCost)
    expect(balances.filter((balance) => balance === 0)).toHaveLength(10)
    expect(balances.every((balance) => balance >= 0)).toBe(true)
  }, 60_000)

  it('one member sending 20 redemptions at once (different keys) gets no more than the limit, and pays once', async () => {
    await setStock(api, RUSH_GIFT, 50)
    const { pointsCost, perMemberLimit } = await giftOf(api, RUSH_GIFT)
    const { token } = await signUp(api)
    await grant(api, token, { points: pointsCost * 20 })
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(api, token, { giftId: RUSH_GIFT })))
    expect(responses.filter((response) => response.status === 201)).toHaveLength(perMemberLimit)
    for (const response of responses.filter((candidate) => candidate.status !== 201))
      expectError(response, 409, 'LIMIT_REACHED')
    expect(await balanceOf(api, token)).toBe(pointsCost * (20 - perMemberLimit))
    expect((await giftOf(api, RUSH_GIFT, token)).redeemedByMe).toBe(perMemberLimit)
    expect((await giftOf(api, RUSH_GIFT)).stock).toBe(50 - perMemberLimit)
  })

  it('the same Idempotency-Key sent 10 times at once redeems once and answers the same redemption', async () => {
    await setStock(api, PHYSICAL_GIFT, 5)
    const { pointsCost } = await giftOf(api, PHYSICAL_GIFT)
    const { token } = await signUp(api)
    await grant(api, token, { points: pointsCost * 3 })
    const address = await addAddress(api, token)
    const key = newKey()
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => redeem(api, token, { giftId: PHYSICAL_GIFT, addressId: address.id }, key)),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201))
    const ids = new Set(responses.map((response) => expectShape(Redemption, response.body).id))
    expect(ids.size).toBe(1)
    expect(await balanceOf(api, token)).toBe(pointsCost * 2)
    expect((await giftOf(api, PHYSICAL_GIFT)).stock).toBe(4)
  })

  it('five concurrent cancels of one redemption (different keys) give the points and the stock back once', async () => {
    await setStock(api, PHYSICAL_GIFT, 5)
    const { pointsCost } = await giftOf(api, PHYSICAL_GIFT)
    const { token } = await signUp(api)
    await grant(api, token, { points: pointsCost + 7 })
    const address = await addAddress(api, token)
    const redemption = await redeemOk(api, token, { giftId: PHYSICAL_GIFT, addressId: address.id })
    expect(redemption.status).toBe('pending_shipment')
    expect(await balanceOf(api, token)).toBe(7)
    expect((await giftOf(api, PHYSICAL_GIFT)).stock).toBe(4)

    const responses = await Promise.all(Array.from({ length: 5 }, () => cancel(api, token, redemption.id)))
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1)
    for (const response of responses.filter((candidate) => candidate.status !== 200))
      expectError(response, 409, 'CANCEL_NOT_ALLOWED')
    expect(await balanceOf(api, token)).toBe(pointsCost + 7)
    expect((await giftOf(api, PHYSICAL_GIFT)).stock).toBe(5)
    expect((await giftOf(api, PHYSICAL_GIFT, token)).redeemedByMe).toBe(0)
  })

  it('five concurrent cancels with the same key cancel once and all answer the cancelled redemption', async () => {
    await setStock(api, PHYSICAL_GIFT, 5)
    const { pointsCost } = await giftOf(api, PHYSICAL_GIFT)
    const { token } = await signUp(api)
    await grant(api, token, { points: pointsCost })
    const address = await addAddress(api, token)
    const redemption = await redeemOk(api, token, { giftId: PHYSICAL_GIFT, addressId: address.id })
    const key = newKey()
    const responses = await Promise.all(Array.from({ length: 5 }, () => cancel(api, token, redemption.id, key)))
    expect(responses.map((response) => response.status)).toEqual(Array(5).fill(200))
    for (const response of responses)
      expect(expectShape(Redemption, response.body)).toMatchObject({ id: redemption.id, status: 'cancelled' })
    expect(await balanceOf(api, token)).toBe(pointsCost)
    expect((await giftOf(api, PHYSICAL_GIFT)).stock).toBe(5)
  })
})
