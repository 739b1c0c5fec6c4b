import { CheckinResult, MakeupResult } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { advanceClock, setClock, lockMockClock } from './support/clock'
import {
  calendarOf,
  checkIn,
  grant,
  makeUp,
  meOf,
  shiftDay,
  summaryOf,
  testYear,
  wholeLedger,
} from './support/membership'

const api = createApiClient()
lockMockClock(api)

/** The whole of what a refusal must leave untouched. */
const snapshot = async (token: string) => ({
  me: await meOf(api, token),
  ledger: await wholeLedger(api, token),
  calendar: await calendarOf(api, token),
})

describe('POST /checkin: one per business day', () => {
  it('awards exactly once for 100 concurrent check-ins with distinct keys: the rest 409, none 5xx', async () => {
    const { token } = await signUp(api)
    const responses = await Promise.all(Array.from({ length: 100 }, () => checkIn(api, token)))
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(99)
    for (const response of responses.filter((candidate) => candidate.status === 409))
      expectError(response, 409, 'ALREADY_CHECKED_IN')
    const awarded = responses.find((response) => response.status === 201)
    const result = expectShape(CheckinResult, awarded?.body)
    const checkins = (await wholeLedger(api, token)).filter((entry) => entry.type === 'checkin')
    expect(checkins).toHaveLength(1)
    expect((await meOf(api, token)).pointsBalance).toBe(result.pointsAwarded)
    expect((await calendarOf(api, token)).checkedDates).toEqual([result.date])
  })

  it('replays the first answer for the same Idempotency-Key, concurrently or later, awarding once', async () => {
    const { token } = await signUp(api)
    const key = newKey()
    const responses = await Promise.all(Array.from({ length: 20 }, () => checkIn(api, token, key)))
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201))
    for (const response of responses) expect(response.body).toEqual(responses[0]?.body)
    const later = await checkIn(api, token, key)
    expect([later.status, later.body]).toEqual([201, responses[0]?.body])
    expectError(await checkIn(api, token), 409, 'ALREADY_CHECKED_IN')
    expect((await wholeLedger(api, token)).filter((entry) => entry.type === 'checkin')).toHaveLength(1)
  })

  it('ignores a date (or anything else) the client sends: the day is the server’s', async () => {
    const { token } = await signUp(api)
    const { today } = await calendarOf(api, token)
    const response = await api.request('POST', '/checkin?date=2001-01-01', {
      token,
      idempotencyKey: newKey(),
      body: { date: shiftDay(today, -1), streak: 7, points: 1000 },
    })
    expect(response.status).toBe(201)
    const result = expectShape(CheckinResult, response.body)
    expect(result).toMatchObject({ date: today, streak: 1, pointsAwarded: 5, growthAwarded: 5, pointsBalance: 5 })
    const calendar = await calendarOf(api, token)
    expect(calendar.checkedDates).toEqual([today])
    expect(calendar.checkedInToday).toBe(true)
    // The same for a second try that claims another day.
    const again = await api.request('POST', '/checkin', {
      token,
      idempotencyKey: newKey(),
      body: { date: shiftDay(today, 1) },
    })
    expectError(again, 409, 'ALREADY_CHECKED_IN')
  })

  it('answers the reward, the new balance, growth, level and what tomorrow gives', async () => {
    const { token } = await signUp(api)
    const result = expectShape(CheckinResult, (await checkIn(api, token)).body)
    expect(result).toMatchObject({ streak: 1, pointsAwarded: 5, growthAwarded: 5, growth: 5, levelCode: 'V1' })
    expect(result.tomorrow).toEqual({ date: shiftDay(result.date, 1), streakDay: 2, points: 5, isBonusDay: false })
    const me = await meOf(api, token)
    expect(me).toMatchObject({ pointsBalance: 5, growth: 5 })
    const [entry] = await wholeLedger(api, token)
    expect(entry).toMatchObject({ delta: 5, type: 'checkin', reason: '每日签到 第 1 天' })
    expect(entry?.expiresAt).toBe(`${Number(result.date.slice(0, 4)) + 1}-12-31T23:59:59+08:00`)
  })
})

describeWithMockRoutes('streaks as the mock clock moves', () => {
  const year = testYear()
  let token = ''

  beforeEach(async () => {
    // Joined at the start of the year, before every day these tests visit.
    await setClock(api, `${year}-01-01T09:00:00+08:00`)
    token = (await signUp(api)).token
    await setClock(api, `${year}-03-01T09:00:00+08:00`)
  })

  it('continues day after day, pays the ladder on day 3 and day 7, and starts the cycle again on day 8', async () => {
    const results = []
    for (let day = 1; day <= 9; day += 1) {
      results.push(expectShape(CheckinResult, (await checkIn(api, token)).body))
      await advanceClock(api, { advanceDays: 1 })
    }
    expect(results.map((result) => result.streak)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(results.map((result) => result.pointsAwarded)).toEqual([5, 5, 15, 5, 5, 5, 35, 5, 5])
    expect(results.map((result) => result.tomorrow.streakDay)).toEqual([2, 3, 4, 5, 6, 7, 1, 2, 3])
    expect(results[5]?.tomorrow).toMatchObject({ streakDay: 7, points: 35, isBonusDay: true })
    const reasons = (await wholeLedger(api, token)).map((entry) => entry.reason)
    expect(reasons).toContain('每日签到 第 7 天')
    expect(reasons).toContain('每日签到 第 8 天')
    expect((await meOf(api, token)).pointsBalance).toBe(85)
  })

  it('resets the streak to 1 after a missed day', async () => {
    await checkIn(api, token)
    await advanceClock(api, { advanceDays: 1 })
    await checkIn(api, token)
    // Yesterday's streak still shows today until the day is over…
    await advanceClock(api, { advanceDays: 1 })
    expect((await calendarOf(api, token)).streak).toBe(2)
    // …and is gone once a whole day passed without a check-in.
    await advanceClock(api, { advanceDays: 1 })
    expect((await calendarOf(api, token)).streak).toBe(0)
    const result = expectShape(CheckinResult, (await checkIn(api, token)).body)
    expect(result).toMatchObject({ streak: 1, pointsAwarded: 5, date: `${year}-03-04` })
  })

  it('turns the business day at midnight in the brand time zone, not after 24 hours', async () => {
    await setClock(api, `${year}-03-01T23:30:00+08:00`)
    await checkIn(api, token)
    await advanceClock(api, { advanceHours: 1 })
    const next = expectShape(CheckinResult, (await checkIn(api, token)).body)
    expect(next).toMatchObject({ date: `${year}-03-02`, streak: 2 })
    await advanceClock(api, { advanceHours: 22 })
    expectError(await checkIn(api, token), 409, 'ALREADY_CHECKED_IN')
  })

  it('multiplies by the level, floored: V3 gets 120%', async () => {
    await grant(api, token, { growth: 1000 })
    const points = []
    for (let day = 1; day <= 7; day += 1) {
      points.push(expectShape(CheckinResult, (await checkIn(api, token)).body).pointsAwarded)
      await advanceClock(api, { advanceDays: 1 })
    }
    expect(points).toEqual([6, 6, 18, 6, 6, 6, 42])
  })

  it('shows the month: checked days, streak, today, and the next cycle of rewards from today or tomorrow', async () => {
    const before = await calendarOf(api, token)
    expect(before).toMatchObject({ month: `${year}-03`, today: `${year}-03-01`, streak: 0, checkedInToday: false })
    expect(before.ladder.map((step) => [step.date, step.streakDay, step.points, step.isBonusDay])).toEqual([
      [`${year}-03-01`, 1, 5, false],
      [`${year}-03-02`, 2, 5, false],
      [`${year}-03-03`, 3, 15, true],
      [`${year}-03-04`, 4, 5, false],
      [`${year}-03-05`, 5, 5, false],
      [`${year}-03-06`, 6, 5, false],
      [`${year}-03-07`, 7, 35, true],
    ])
    await checkIn(api, token)
    const after = await calendarOf(api, token)
    expect(after).toMatchObject({ streak: 1, checkedInToday: true, checkedDates: [`${year}-03-01`] })
    expect(after.ladder[0]).toEqual({ date: `${year}-03-02`, streakDay: 2, points: 5, isBonusDay: false })
    expect(after.ladder).toHaveLength(7)
    // Another month: its own days, the same streak.
    await advanceClock(api, { advanceDays: -1 })
    await checkIn(api, token)
    await advanceClock(api, { advanceDays: 1 })
    const february = await calendarOf(api, token, `${year}-02`)
    expect(february).toMatchObject({ month: `${year}-02`, checkedDates: [`${year}-02-28`], streak: 2 })
  })
})

describeWithMockRoutes('POST /checkin/makeup', () => {
  const year = testYear()
  const today = `${year}-05-20`
  let token = ''

  const refusal = async (date: string, reason: string) => {
    const before = await snapshot(token)
    const response = await makeUp(api, token, date)
    expect(expectError(response, 409, 'MAKEUP_NOT_ALLOWED').error.details?.reason).toBe(reason)
    expect(await snapshot(token)).toEqual(before)
  }

  beforeEach(async () => {
    await setClock(api, `${year}-05-01T09:00:00+08:00`)
    token = (await signUp(api)).token
    await setClock(api, `${year}-05-17T09:00:00+08:00`)
    await checkIn(api, token)
    await advanceClock(api, { advanceDays: 1 })
    await checkIn(api, token)
    await setClock(api, `${today}T10:00:00+08:00`)
    await grant(api, token, { points: 100 })
  })

  it('repairs the streak across a missed day for its cost, paying no points or growth', async () => {
    const calendar = await calendarOf(api, token)
    expect(calendar).toMatchObject({ streak: 0, makeupsLeft: 2, makeupCostPoints: 20 })
    expect(calendar.missedDates).toContain(`${year}-05-19`)
    const growth = (await meOf(api, token)).growth

    const response = await makeUp(api, token, `${year}-05-19`)
    expect(response.status).toBe(201)
    expect(expectShape(MakeupResult, response.body)).toEqual({
      date: `${year}-05-19`,
      streak: 3,
      pointsSpent: 20,
      // No check-in after the 19th yet: nothing to pay back.
      pointsRestored: 0,
      pointsBalance: 90,
      makeupsLeft: 1,
    })
    const [entry] = await wholeLedger(api, token)
    expect(entry).toMatchObject({ delta: -20, type: 'makeup', reason: '补签 05-19', expiresAt: null })
    expect((await meOf(api, token)).growth).toBe(growth)
    const after = await calendarOf(api, token)
    expect(after).toMatchObject({ streak: 3, makeupsLeft: 1, madeUpDates: [`${year}-05-19`] })
    expect(after.checkedDates).toEqual([`${year}-05-17`, `${year}-05-18`, `${year}-05-19`])
    expect(after.missedDates).not.toContain(`${year}-05-19`)
    // Today continues the repaired streak: day 4.
    expect(expectShape(CheckinResult, (await checkIn(api, token)).body)).toMatchObject({ streak: 4, pointsAwarded: 5 })
  })

  it('allows two a month: the third is refused, and the next month has two again', async () => {
    expect((await makeUp(api, token, `${year}-05-19`)).status).toBe(201)
    expect((await makeUp(api, token, `${year}-05-16`)).status).toBe(201)
    await refusal(`${year}-05-15`, 'no_makeups_left')
    expect((await calendarOf(api, token)).makeupsLeft).toBe(0)
    await setClock(api, `${year}-06-03T10:00:00+08:00`)
    expect((await calendarOf(api, token)).makeupsLeft).toBe(2)
    expect((await makeUp(api, token, `${year}-06-02`)).status).toBe(201)
  })

  it('never makes up today or a day to come', async () => {
    await refusal(today, 'today_or_future')
    await refusal(`${year}-05-21`, 'today_or_future')
    await refusal(`${year}-06-01`, 'today_or_future')
  })

  it('never makes up a day twice, nor a day already checked in', async () => {
    expect((await makeUp(api, token, `${year}-05-19`)).status).toBe(201)
    await refusal(`${year}-05-19`, 'already_checked_in')
    await refusal(`${year}-05-18`, 'already_checked_in')
  })

  it('never makes up a day of last month', async () => {
    await refusal(`${year}-04-29`, 'not_this_month')
    await setClock(api, `${year}-06-01T08:00:00+08:00`)
    await refusal(`${year}-05-31`, 'not_this_month')
  })

  it('never makes up a day before the member joined', async () => {
    const newcomer = await signUp(api)
    token = newcomer.token
    await grant(api, token, { points: 100 })
    expect((await calendarOf(api, token)).missedDates).toEqual([])
    await refusal(`${year}-05-19`, 'before_joining')
  })

  it('refuses with 409 INSUFFICIENT_POINTS when the balance is short, changing nothing', async () => {
    await grant(api, token, { points: -(await meOf(api, token)).pointsBalance + 19 })
    const before = await snapshot(token)
    const response = await makeUp(api, token, `${year}-05-19`)
    expect(expectError(response, 409, 'INSUFFICIENT_POINTS').error.details).toMatchObject({ balance: 19, required: 20 })
    expect(await snapshot(token)).toEqual(before)
    expect((await summaryOf(api, token)).balance).toBe(19)
  })

  it('replays the first answer for the same key, charging once', async () => {
    const key = newKey()
    const first = await makeUp(api, token, `${year}-05-19`, key)
    const again = await makeUp(api, token, `${year}-05-19`, key)
    expect([again.status, again.body]).toEqual([201, first.body])
    expect((await wholeLedger(api, token)).filter((entry) => entry.type === 'makeup')).toHaveLength(1)
    expectError(await makeUp(api, token, `${year}-05-16`, key), 422, 'IDEMPOTENCY_KEY_REUSED')
  })
})
