import { LedgerPage, PointsSummary } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, fieldsOf, newKey, signUp } from './support/client'
import { advanceClock, setClock, lockMockClock } from './support/clock'
import { checkIn, grant, makeUp, meOf, summaryOf, testYear, wholeLedger } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const sum = (entries: { delta: number }[]): number => entries.reduce((total, entry) => total + entry.delta, 0)

describe('GET /points/summary', () => {
  it('starts at zero for a new member: nothing pending, nothing expiring', async () => {
    const { token } = await signUp(api)
    const response = await api.request('GET', '/points/summary', { token })
    expect(response.status).toBe(200)
    expect(expectShape(PointsSummary, response.body)).toEqual({
      balance: 0,
      pending: 0,
      nextRelease: null,
      expiringSoon: null,
      growth: 0,
    })
    expect(await wholeLedger(api, token)).toEqual([])
  })

  it('follows a check-in: balance and growth', async () => {
    const { token } = await signUp(api)
    await checkIn(api, token)
    expect(await summaryOf(api, token)).toMatchObject({ balance: 5, growth: 5 })
  })
})

describeWithMockRoutes('the ledger is the balance', () => {
  const year = testYear()
  let token = ''

  beforeAll(async () => {
    await setClock(api, `${year}-07-01T09:00:00+08:00`)
    token = (await signUp(api)).token
    // Check-ins, grants, spends and a make-up over two weeks, with one day missed.
    await grant(api, token, { points: 300 })
    for (let day = 1; day <= 14; day += 1) {
      if (day !== 5) await checkIn(api, token)
      if (day % 4 === 0) await grant(api, token, { points: -17 })
      await advanceClock(api, { advanceDays: 1 })
    }
    expect((await makeUp(api, token, `${year}-07-05`)).status).toBe(201)
  })

  it('summary.balance == the sum of every page of the ledger == /me pointsBalance', async () => {
    const ledger = await wholeLedger(api, token, { limit: 3 })
    const summary = await summaryOf(api, token)
    expect(summary.balance).toBe(sum(ledger))
    expect((await meOf(api, token)).pointsBalance).toBe(summary.balance)
    expect(summary.balance).toBeGreaterThan(0)
    expect(summary.growth).toBe((await meOf(api, token)).growth)
  })

  it('pages newest first without repeating or skipping an entry', async () => {
    const all = await wholeLedger(api, token)
    const paged = await wholeLedger(api, token, { limit: 4 })
    expect(paged).toEqual(all)
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length)
    const times = all.map((entry) => Date.parse(entry.createdAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    // The make-up, then what it paid back on the check-ins after 07-05, now days 6 to 14 of the streak.
    expect(all.slice(0, 2)).toMatchObject([
      { type: 'checkin_streak_restored', delta: 30, reason: '补签后连签奖励补发 07-14 第 14 天' },
      { type: 'makeup', delta: -20, reason: '补签 07-05' },
    ])
  })

  it('filters by direction: earned are the positive entries, spent the negative, together all of them', async () => {
    const all = await wholeLedger(api, token)
    const earned = await wholeLedger(api, token, { direction: 'earned', limit: 5 })
    const spent = await wholeLedger(api, token, { direction: 'spent', limit: 2 })
    expect(earned.every((entry) => entry.delta > 0)).toBe(true)
    expect(spent.every((entry) => entry.delta < 0)).toBe(true)
    expect(earned.length + spent.length).toBe(all.length)
    expect(spent.map((entry) => entry.type).sort()).toEqual(['adjustment', 'adjustment', 'adjustment', 'makeup'])
    expect(earned.filter((entry) => entry.type === 'checkin')).toHaveLength(13)
    // Earned lots carry their expiry; spends carry none.
    expect(earned.every((entry) => entry.expiresAt === `${year + 1}-12-31T23:59:59+08:00`)).toBe(true)
    expect(spent.every((entry) => entry.expiresAt === null)).toBe(true)
  })

  it('answers 400 for a direction it does not know or a cursor it never issued', async () => {
    expect(fieldsOf(await api.request('GET', '/points/ledger?direction=all', { token }))).toHaveProperty(['direction'])
    expect(fieldsOf(await api.request('GET', '/points/ledger?cursor=nope', { token }))).toHaveProperty(['cursor'])
  })

  it('keeps a member to their own ledger', async () => {
    const other = await signUp(api)
    expect(await wholeLedger(api, other.token)).toEqual([])
    const page = expectShape(LedgerPage, (await api.request('GET', '/points/ledger', { token: other.token })).body)
    expect(page).toEqual({ items: [], nextCursor: null })
  })
})

describeWithMockRoutes('expiry', () => {
  const year = testYear()

  it('says which points expire soon, spends the oldest lot first, and writes the expiry into the ledger', async () => {
    await setClock(api, `${year}-03-01T10:00:00+08:00`)
    const { token } = await signUp(api)
    await grant(api, token, { points: 100 }) // expires at the end of year + 1
    await setClock(api, `${year + 1}-06-01T10:00:00+08:00`)
    await grant(api, token, { points: 50 }) // expires at the end of year + 2
    await grant(api, token, { points: -30 }) // taken from the older lot: 70 of it left
    expect((await summaryOf(api, token)).expiringSoon).toBeNull()

    // 31 days before the points expire, they are not expiring soon; 30 days before, they are, from the day's start.
    await setClock(api, `${year + 1}-11-30T23:00:00+08:00`)
    expect((await summaryOf(api, token)).expiringSoon).toBeNull()
    await setClock(api, `${year + 1}-12-01T10:00:00+08:00`)
    expect((await summaryOf(api, token)).expiringSoon).toEqual({ points: 70, on: `${year + 1}-12-31` })

    await setClock(api, `${year + 1}-12-05T10:00:00+08:00`)
    expect(await summaryOf(api, token)).toMatchObject({
      balance: 120,
      expiringSoon: { points: 70, on: `${year + 1}-12-31` },
    })

    await setClock(api, `${year + 2}-01-01T00:00:05+08:00`)
    const summary = await summaryOf(api, token)
    expect(summary).toMatchObject({ balance: 50, expiringSoon: null })
    const expiries = (await wholeLedger(api, token, { direction: 'spent' })).filter((entry) => entry.type === 'expiry')
    expect(expiries).toEqual([
      expect.objectContaining({ delta: -70, createdAt: `${year + 1}-12-31T23:59:59+08:00`, expiresAt: null }),
    ])
    expect(sum(await wholeLedger(api, token))).toBe(50)
    expect((await meOf(api, token)).pointsBalance).toBe(50)
  })

  it('never lets a spend take points that have expired', async () => {
    await setClock(api, `${year}-03-01T10:00:00+08:00`)
    const { token } = await signUp(api)
    await grant(api, token, { points: 40 })
    await setClock(api, `${year + 2}-02-01T10:00:00+08:00`)
    const refused = await api.request('POST', '/__mock/grant', {
      token,
      body: { points: -10 },
      idempotencyKey: newKey(),
    })
    expect(refused.status).toBe(409)
    expect((await summaryOf(api, token)).balance).toBe(0)
  })
})
