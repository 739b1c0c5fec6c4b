import { Gift, Health, Member, page, Post } from '../../src/contract/all'
import { Clock, MockMemberState, Persona } from '../../mock/preview/endpoints'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  newKey,
  signInAsPersona,
  signUp,
} from './support/client'
import { lockMockClock } from './support/clock'

const api = createApiClient()
// Moves the clock, and reads personas whose histories are placed relative to today.
lockMockClock(api)
const DAY_MS = 24 * 60 * 60 * 1000

const clock = async () => expectShape(Clock, (await api.request('GET', '/__mock/clock')).body)
const moveClock = async (change: Record<string, unknown>) => {
  const response = await api.request('POST', '/__mock/clock', { body: change })
  expect(response.status).toBe(200)
  return expectShape(Clock, response.body)
}
const mockStateOf = async (token: string) =>
  expectShape(MockMemberState, (await api.request('GET', '/__mock/me', { token })).body)

describeWithMockRoutes('mock clock', () => {
  let original: string

  beforeAll(async () => {
    original = (await clock()).now
  })
  afterAll(async () => {
    await moveClock({ set: original })
  })

  it('answers now with the brand offset and the business day', async () => {
    const { now, today } = await clock()
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    expect(now.slice(0, 10)).toBe(today)
  })

  it('advances by days and hours, and every reported time follows', async () => {
    const before = Date.parse((await clock()).now)
    const later = Date.parse((await moveClock({ advanceDays: 3 })).now)
    expect(later - before).toBeGreaterThanOrEqual(3 * DAY_MS - 1000)
    expect(later - before).toBeLessThan(3 * DAY_MS + 60_000)
    const health = expectShape(Health, (await api.request('GET', '/health')).body)
    expect(Math.abs(Date.parse(health.now) - later)).toBeLessThan(60_000)
    const back = Date.parse((await moveClock({ advanceHours: -72 })).now)
    expect(Math.abs(back - before)).toBeLessThan(60_000)
  })

  it('sets an instant, and the business day is the calendar day in Asia/Shanghai', async () => {
    expect(await moveClock({ set: '2030-03-01T23:59:30+08:00' })).toMatchObject({ today: '2030-03-01' })
    // 16:00 UTC is midnight in Shanghai: the business day has already turned.
    const turned = await moveClock({ set: '2030-03-01T16:00:00Z' })
    expect(turned.today).toBe('2030-03-02')
    expect(turned.now.startsWith('2030-03-02T00:00:0')).toBe(true)
  })

  it('keeps today, the business day in Asia/Shanghai, from 2000-01-01 to 2099-12-31', async () => {
    const refused = async (change: Record<string, unknown>) =>
      expectError(await api.request('POST', '/__mock/clock', { body: change }), 400, 'VALIDATION_FAILED')
    // 2099-12-31T16:00Z: still 2099 in UTC, already 2100-01-01 in Shanghai.
    await refused({ set: '2100-01-01T00:00:00+08:00' })
    await refused({ set: '2099-12-31T16:00:00Z' })
    await refused({ set: '1999-12-31T15:59:59Z' })
    expect(await moveClock({ set: '2099-12-31T23:59:59+08:00' })).toMatchObject({ today: '2099-12-31' })
    // A move by hours or days may not carry today past the window either.
    await refused({ advanceHours: 1 })
    await refused({ advanceDays: 1 })
    expect((await clock()).today).toBe('2099-12-31')
    expect(await moveClock({ set: '1999-12-31T16:00:00Z' })).toMatchObject({ today: '2000-01-01' })
  })

  it('expires earned points at the end of the next year, spending the oldest lot first', async () => {
    const { token } = await signUp(api)
    await moveClock({ set: '2030-03-01T10:00:00+08:00' })
    const first = await api.request('POST', '/__mock/grant', { token, body: { points: 100 }, idempotencyKey: newKey() })
    expect((first.body as { entry: { expiresAt: string } }).entry.expiresAt).toBe('2031-12-31T23:59:59+08:00')
    await moveClock({ set: '2031-06-01T10:00:00+08:00' })
    expect(
      (await api.request('POST', '/__mock/grant', { token, body: { points: 50 }, idempotencyKey: newKey() })).status,
    ).toBe(200)
    expect(
      (await api.request('POST', '/__mock/grant', { token, body: { points: -80 }, idempotencyKey: newKey() })).status,
    ).toBe(200)
    await moveClock({ set: '2031-12-31T23:59:00+08:00' })
    expect(expectShape(Member, (await api.request('GET', '/me', { token })).body).pointsBalance).toBe(70)
    await moveClock({ set: '2032-01-01T00:00:01+08:00' })
    const state = await mockStateOf(token)
    // 20 left of the 2030 lot expire; the 2031 lot (untouched by the spend) stays.
    expect(state.member.pointsBalance).toBe(50)
    expect(state.ledger.filter((entry) => entry.type === 'expiry').map((entry) => entry.delta)).toEqual([-20])
    expect(state.ledger.reduce((sum, entry) => sum + entry.delta, 0)).toBe(50)
    // Reading again writes no second expiry.
    expect((await mockStateOf(token)).ledger.filter((entry) => entry.type === 'expiry')).toHaveLength(1)
  })
})

describeWithMockRoutes('personas', () => {
  it('lists at least the four personas of the contract, described in Chinese', async () => {
    const response = await api.request('GET', '/__mock/personas')
    const personas = expectShape(page(Persona), response.body).items
    expect(personas.map((persona) => persona.id)).toEqual(
      expect.arrayContaining(['new-member', 'streak-day6', 'kol-distributor', 'points-expiring', 'post-rejected']),
    )
    for (const persona of personas) expect(persona.title + persona.description).toMatch(/[\u4e00-\u9fff]/)
  })

  it('new-member: V1 with nothing yet', async () => {
    const { member } = await signInAsPersona(api, 'new-member')
    expect(member).toMatchObject({ levelCode: 'V1', growth: 0, isDistributor: false })
  })

  it('streak-day6: V2 with check-ins on the five business days before today, not today', async () => {
    const { token, member } = await signInAsPersona(api, 'streak-day6')
    expect(member.levelCode).toBe('V2')
    expect(member.growth).toBeGreaterThanOrEqual(200)
    const { today } = await clock()
    const checkinDays = (await mockStateOf(token)).ledger
      .filter((entry) => entry.type === 'checkin')
      .map((entry) => entry.createdAt.slice(0, 10))
    const expected = [5, 4, 3, 2, 1].map((daysBack) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - daysBack * DAY_MS).toISOString().slice(0, 10),
    )
    expect(checkinDays.slice(-5)).toEqual(expected)
  })

  it('kol-distributor: V4 distributor with referral code LINA88 and at least 10 fans', async () => {
    const { token, member } = await signInAsPersona(api, 'kol-distributor')
    expect(member).toMatchObject({ levelCode: 'V4', isDistributor: true, referralCode: 'LINA88' })
    expect((await mockStateOf(token)).fanCount).toBeGreaterThanOrEqual(10)
  })

  it('points-expiring: holds an earned lot that expires within 30 days of the mock clock', async () => {
    const { token } = await signInAsPersona(api, 'points-expiring')
    const now = Date.parse((await clock()).now)
    const state = await mockStateOf(token)
    const soon = state.ledger.filter(
      (entry) =>
        entry.delta > 0 &&
        entry.expiresAt !== null &&
        Date.parse(entry.expiresAt) - now < 30 * DAY_MS &&
        Date.parse(entry.expiresAt) > now,
    )
    expect(soon.length).toBeGreaterThan(0)
    expect(state.member.pointsBalance).toBe(state.ledger.reduce((sum, entry) => sum + entry.delta, 0))
  })

  it('post-rejected: their post was turned down by the review, with the reason, seen only by them', async () => {
    const { token } = await signInAsPersona(api, 'post-rejected')
    const mine = expectShape(page(Post), (await api.request('GET', '/me/posts', { token })).body).items
    const rejected = mine.filter((post) => post.status === 'rejected')
    expect(rejected).toHaveLength(1)
    expect(rejected[0]?.rejectReason).toMatch(/违规词/)
    // Not public: neither the feed nor its page shows it to anyone else.
    const feed = expectShape(page(Post), (await api.request('GET', '/posts?limit=50')).body).items
    expect(feed.map((post) => post.id)).not.toContain(rejected[0]?.id)
    expectError(await api.request('GET', `/posts/${rejected[0]?.id}`), 404, 'NOT_FOUND')
  })

  it('gives a new session each time, and both stay valid', async () => {
    const first = await signInAsPersona(api, 'new-member')
    const second = await signInAsPersona(api, 'new-member')
    expect(first.token).not.toBe(second.token)
    expect((await api.request('GET', '/me', { token: first.token })).status).toBe(200)
  })
})

describeWithMockRoutes('gift stock', () => {
  it('sets a gift stock, which the gift routes then show', async () => {
    const before = expectShape(Gift, (await api.request('GET', '/gifts/gift-cleanser-mini')).body)
    const patched = await api.request('PATCH', '/__mock/gifts/gift-cleanser-mini', { body: { stock: 0 } })
    expect(expectShape(Gift, patched.body).stock).toBe(0)
    expect(expectShape(Gift, (await api.request('GET', '/gifts/gift-cleanser-mini')).body).stock).toBe(0)
    await api.request('PATCH', '/__mock/gifts/gift-cleanser-mini', { body: { stock: before.stock } })
  })

  it('answers 404 for an unknown gift', async () => {
    expectError(await api.request('PATCH', '/__mock/gifts/no-such-gift', { body: { stock: 1 } }), 404, 'NOT_FOUND')
  })
})
