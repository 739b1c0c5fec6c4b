import { Gift, Member, page } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, signUp } from './support/client'
import { balanceOf, giftOf, grant, redeemOk, setStock } from './support/mall'

// GET /gifts?affordable=true ("只看我能兑") answers what the member could redeem one of now, by the rules a
// redemption is refused by: the level, the stock, the member's own limit and the points. Not only the price.

const api = createApiClient()

const SOLD_OUT = 'gift-badge' // physical, 100 points, V1: its stock is set to 0 here
const V2_ONLY = 'gift-bottle' // physical, 1500 points, V2
const LIMIT_TWO = 'gift-ebook' // virtual, 150 points, limit 2, V1
const REDEEMABLE = 'gift-tote' // physical, 300 points, limit 2, V1
const TOO_DEAR = 'gift-video-month' // virtual, 1800 points, V1
const BALANCE = 1600

const affordableIds = async (token: string): Promise<string[]> => {
  const response = await api.request('GET', '/gifts?affordable=true&limit=50', { token })
  expect(response.status).toBe(200)
  return expectShape(page(Gift), response.body).items.map((gift) => gift.id)
}

describeWithMockRoutes('gifts: affordable=true is what the member can redeem now', () => {
  let soldOutStock = 0
  beforeAll(async () => {
    soldOutStock = (await giftOf(api, SOLD_OUT)).stock
    await setStock(api, SOLD_OUT, 0)
  })
  afterAll(async () => {
    await setStock(api, SOLD_OUT, soldOutStock)
  })

  it('leaves out level-locked, sold-out and limit-reached gifts, and keeps a redeemable one', async () => {
    const { token } = await signUp(api)
    // A V1 member who used up the limit of the e-book, with 1,600 points left.
    await grant(api, token, { points: BALANCE + 2 * 150 - (await balanceOf(api, token)) })
    await redeemOk(api, token, { giftId: LIMIT_TWO })
    await redeemOk(api, token, { giftId: LIMIT_TWO })
    const me = expectShape(Member, (await api.request('GET', '/me', { token })).body)
    expect([me.levelCode, me.pointsBalance]).toEqual(['V1', BALANCE])
    // Every one of them is within the points: only the points would let them all through.
    for (const id of [SOLD_OUT, V2_ONLY, LIMIT_TWO, REDEEMABLE]) {
      expect((await giftOf(api, id)).pointsCost).toBeLessThanOrEqual(BALANCE)
    }

    const ids = await affordableIds(token)
    expect(ids).toContain(REDEEMABLE)
    expect(ids).not.toContain(V2_ONLY)
    expect(ids).not.toContain(SOLD_OUT)
    expect(ids).not.toContain(LIMIT_TWO)
    expect(ids).not.toContain(TOO_DEAR)

    // Each one it answers, redeem would not refuse for level, stock, limit or points.
    for (const id of ids) {
      const gift = await giftOf(api, id, token)
      expect(gift.minLevel).toBe('V1')
      expect(gift.stock).toBeGreaterThan(0)
      expect(gift.redeemedByMe).toBeLessThan(gift.perMemberLimit)
      expect(gift.pointsCost).toBeLessThanOrEqual(BALANCE)
    }
  })

  it('lets a level-locked gift in once the member reaches its level', async () => {
    const { token } = await signUp(api)
    await grant(api, token, { points: BALANCE - (await balanceOf(api, token)) })
    expect(await affordableIds(token)).not.toContain(V2_ONLY)
    await grant(api, token, { growth: 1000 })
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body).levelCode).not.toBe('V1')
    expect(await affordableIds(token)).toContain(V2_ONLY)
  })
})
