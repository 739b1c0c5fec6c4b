// A make-up (补签) restores the streak across the gap: check-ins already made after the repaired day now sit on a
// longer streak and are paid what their day of it pays (domain-rules.md, Check-in), so the order of "check in" and
// "make up" never changes what the member ends with (found by a review: checking in first, then making up the day,
// cost the streak persona the day-7 bonus).
import { CheckinResult, MakeupResult, Purchase } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, newKey, signUp } from './support/client'
import { lockMockClock, setClock } from './support/clock'
import { calendarOf, checkIn, grant, makeUp, meOf, wholeLedger } from './support/membership'
import { testYear } from './support/membership'

const api = createApiClient()
lockMockClock(api)

const year = testYear()
const day = (dayOfMay: number) => `${year}-05-${String(dayOfMay).padStart(2, '0')}`
const at = (dayOfMay: number, time = '10:00') => setClock(api, `${day(dayOfMay)}T${time}:00+08:00`)

const checkedIn = async (token: string) => {
  const response = await checkIn(api, token)
  expect(response.status).toBe(201)
  return expectShape(CheckinResult, response.body)
}
const madeUp = async (token: string, dayOfMay: number) => {
  const response = await makeUp(api, token, day(dayOfMay))
  expect(response.status).toBe(201)
  return expectShape(MakeupResult, response.body)
}
const balance = async (token: string) => (await meOf(api, token)).pointsBalance
const restoredEntries = async (token: string) =>
  (await wholeLedger(api, token)).filter((entry) => entry.type === 'checkin_streak_restored')

/** Members who joined on the 1st (every day since is theirs to make up) and checked in on `days` at 08:30. */
const membersWhoCheckedIn = async (
  count: number,
  days: readonly number[],
  body: { points?: number; growth?: number },
) => {
  await at(1, '09:00')
  const tokens: string[] = []
  for (let index = 0; index < count; index += 1) {
    const { token } = await signUp(api)
    if (body.points || body.growth) await grant(api, token, body)
    tokens.push(token)
  }
  for (const dayOfMay of days) {
    await at(dayOfMay, '08:30')
    for (const token of tokens) await checkedIn(token)
  }
  return tokens
}

/**
 * The streak-day6 persona, on the 20th: 335 points (300 granted, then the five check-ins' 5 + 5 + 15 + 5 + 5), a
 * five-day streak (15th to 19th), today not checked in, and the 14th (like every day since joining) missed.
 */
const streakPersonas = async (count: number, growth = 0) => {
  const tokens = await membersWhoCheckedIn(count, [15, 16, 17, 18, 19], { points: 300, growth })
  await at(20)
  return tokens
}

describeWithMockRoutes('a make-up after today’s check-in (the streak persona)', () => {
  it('ends with the same balance in either order, the make-up costing its 20 and nothing more', async () => {
    const [first, later, never] = await streakPersonas(3)
    if (!first || !later || !never) throw new Error('three members')
    for (const token of [first, later, never]) expect(await balance(token)).toBe(335)

    // Check in, then make up the 14th: today's check-in was paid day 6 (+5); the make-up pays day 7's +30 on it.
    expect(await checkedIn(first)).toMatchObject({ streak: 6, pointsAwarded: 5 })
    expect(await madeUp(first, 14)).toEqual({
      date: day(14),
      streak: 7,
      pointsSpent: 20,
      pointsRestored: 30,
      pointsBalance: 335 + 5 - 20 + 30,
      makeupsLeft: 1,
    })
    // Make up the 14th, then check in: today is day 7 (+35), nothing to pay back.
    expect(await madeUp(later, 14)).toMatchObject({ streak: 6, pointsRestored: 0, pointsBalance: 315 })
    expect(await checkedIn(later)).toMatchObject({ streak: 7, pointsAwarded: 35 })
    // No make-up: day 6 today, day 7 tomorrow.
    expect(await checkedIn(never)).toMatchObject({ streak: 6, pointsAwarded: 5 })

    // The calendar agrees with what was paid: day 7 done, tomorrow is day 1 of the next cycle.
    for (const token of [first, later]) {
      const calendar = await calendarOf(api, token)
      expect(calendar).toMatchObject({ streak: 7, checkedInToday: true, makeupsLeft: 1, madeUpDates: [day(14)] })
      expect(calendar.ladder[0]).toEqual({ date: day(21), streakDay: 1, points: 5, isBonusDay: false })
    }
    expect((await calendarOf(api, never)).ladder[0]).toEqual({
      date: day(21),
      streakDay: 7,
      points: 35,
      isBonusDay: true,
    })

    await at(21)
    expect(await checkedIn(first)).toMatchObject({ streak: 8, pointsAwarded: 5 })
    expect(await checkedIn(later)).toMatchObject({ streak: 8, pointsAwarded: 5 })
    expect(await checkedIn(never)).toMatchObject({ streak: 7, pointsAwarded: 35 })
    expect(await balance(first)).toBe(355)
    expect(await balance(later)).toBe(355)
    expect(await balance(never)).toBe(355 + 20)
    // The ladder pays points only: growth is the same 5 a check-in whatever the order.
    const growths = await Promise.all([first, later, never].map(async (token) => (await meOf(api, token)).growth))
    expect(new Set(growths).size).toBe(1)
  })

  it('pays it back as its own ledger entry, referencing the check-in, with the make-up’s own cost unchanged', async () => {
    const [token] = await streakPersonas(1)
    if (!token) throw new Error('a member')
    await checkedIn(token)
    await madeUp(token, 14)
    const ledger = await wholeLedger(api, token)
    const [restored, makeup, todays] = ledger
    expect(makeup).toMatchObject({ type: 'makeup', delta: -20, reason: '补签 05-14', expiresAt: null })
    expect(todays).toMatchObject({ type: 'checkin', delta: 5, reason: '每日签到 第 6 天' })
    expect(restored).toMatchObject({
      type: 'checkin_streak_restored',
      delta: 30,
      reason: '补签后连签奖励补发 05-20 第 7 天',
      refId: todays?.refId,
      // Earned points like any: a lot that expires at the end of next year.
      expiresAt: `${year + 1}-12-31T23:59:59+08:00`,
    })
    expect(ledger.filter((entry) => entry.type === 'makeup')).toHaveLength(1)
    // Today's check-in task shows what today's check-in paid in all.
    const tasks = (await api.request('GET', '/tasks', { token })).body as {
      items: { action: string; rewardPoints: number }[]
    }
    expect(tasks.items.find((task) => task.action === 'checkin')?.rewardPoints).toBe(35)
  })

  it('pays a second make-up later in the month what it restores too, the same in either order', async () => {
    const [first, later] = await streakPersonas(2)
    if (!first || !later) throw new Error('two members')
    await checkedIn(first)
    await madeUp(first, 14)
    await madeUp(later, 14)
    await checkedIn(later)
    await at(21)
    for (const token of [first, later]) await checkedIn(token)
    // The 22nd is missed; on the 23rd the run starts again at day 1, until the 22nd is made up: then it is day 10.
    await at(23)
    expect(await checkedIn(first)).toMatchObject({ streak: 1, pointsAwarded: 5 })
    expect(await madeUp(first, 22)).toMatchObject({ streak: 10, pointsSpent: 20, pointsRestored: 10, makeupsLeft: 0 })
    expect(await madeUp(later, 22)).toMatchObject({ streak: 9, pointsRestored: 0, makeupsLeft: 0 })
    expect(await checkedIn(later)).toMatchObject({ streak: 10, pointsAwarded: 15 })
    expect(await balance(first)).toBe(await balance(later))
    expect(await balance(first)).toBe(355 + 15 - 20)
    expect((await restoredEntries(first)).map((entry) => [entry.delta, entry.reason])).toEqual([
      [10, '补签后连签奖励补发 05-23 第 10 天'],
      [30, '补签后连签奖励补发 05-20 第 7 天'],
    ])
  })

  it('pays at the multiplier the check-in was paid at: the level it had then, not one reached since', async () => {
    const [v3, risen] = await streakPersonas(2, 1000)
    if (!v3 || !risen) throw new Error('two members')
    // V3 (120%): day 6 paid 6, day 7 pays 42.
    expect(await checkedIn(v3)).toMatchObject({ streak: 6, pointsAwarded: 6, levelCode: 'V3' })
    expect(await madeUp(v3, 14)).toMatchObject({ pointsRestored: 36 })
    // Reaching V4 (140%) after checking in at V3 changes nothing of what that check-in is owed.
    await checkedIn(risen)
    await grant(api, risen, { growth: 3000 })
    expect((await meOf(api, risen)).levelCode).toBe('V4')
    expect(await madeUp(risen, 14)).toMatchObject({ pointsRestored: 36 })
  })

  it('pays with the plan that was in force at the check-in, as making up first would have', async () => {
    const [first, later] = await membersWhoCheckedIn(2, [], { points: 300 })
    if (!first || !later) throw new Error('two members')
    for (const token of [first, later]) {
      const response = await api.request('POST', '/memberships/purchase', {
        token,
        body: { planId: 'plan-advanced-monthly', client: 'weapp' },
        idempotencyKey: newKey(),
      })
      expect(expectShape(Purchase, response.body).membership.current?.benefits.checkinMultiplierPercent).toBe(150)
    }
    for (const dayOfMay of [15, 16, 17, 18, 19]) {
      await at(dayOfMay, '08:30')
      for (const token of [first, later]) await checkedIn(token)
    }
    await at(20)
    // Day 6 with the plan: 7 (5 and the plan's 2); day 7: 52 (35 and the plan's 17).
    expect(await checkedIn(first)).toMatchObject({ streak: 6, pointsAwarded: 7 })
    expect(await madeUp(first, 14)).toMatchObject({ pointsRestored: 45 })
    await madeUp(later, 14)
    expect(await checkedIn(later)).toMatchObject({ streak: 7, pointsAwarded: 52 })
    expect(await balance(first)).toBe(await balance(later))
  })
})

describeWithMockRoutes('what a make-up does not pay back', () => {
  it('nothing when the repaired day joins no check-in after it: the make-up costs its 20, no more, no less', async () => {
    // The 17th and 18th checked in, the 19th missed, today (the 20th) checked in: a new run at day 1.
    const [token] = await membersWhoCheckedIn(1, [17, 18], { points: 100 })
    if (!token) throw new Error('a member')
    await at(20)
    await checkedIn(token)
    const before = { balance: await balance(token), growth: (await meOf(api, token)).growth }
    // The 15th: the 16th is missed, so it joins nothing after it.
    expect(await madeUp(token, 15)).toMatchObject({ streak: 1, pointsRestored: 0, pointsBalance: before.balance - 20 })
    // The 19th joins today's run, but today's day 4 pays what its day 1 paid.
    expect(await madeUp(token, 19)).toMatchObject({ streak: 4, pointsRestored: 0, pointsBalance: before.balance - 40 })
    expect(await restoredEntries(token)).toEqual([])
    expect((await meOf(api, token)).growth).toBe(before.growth)
  })

  it('pays check-ins after the repaired day outside today’s run too, as making up at once would have', async () => {
    // The 16th and 19th missed; the 17th, 18th and today checked in.
    const [first, atOnce] = await membersWhoCheckedIn(2, [], { points: 100 })
    if (!first || !atOnce) throw new Error('two members')
    await at(17)
    expect(await madeUp(atOnce, 16)).toMatchObject({ pointsRestored: 0 })
    for (const dayOfMay of [17, 18, 20]) {
      await at(dayOfMay)
      for (const token of [first, atOnce]) await checkedIn(token)
    }
    // The 18th was day 2 (+5); made up, the 16th makes it day 3 (+15). Today's run (from the 20th) is not joined.
    expect(await madeUp(first, 16)).toMatchObject({ streak: 1, pointsRestored: 10 })
    expect(await balance(first)).toBe(await balance(atOnce))
  })

  it('settles the run as a whole: a bonus the cycle moves is not paid on both days, and nothing is taken back', async () => {
    // Checked in from the 1st to the 14th but the 5th: the 6th to 14th paid as days 1 to 9 of a new run.
    const days = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    const [late, atOnce] = await membersWhoCheckedIn(2, [], { points: 100 })
    if (!late || !atOnce) throw new Error('two members')
    for (const dayOfMay of days) {
      await at(dayOfMay)
      if (dayOfMay === 6) await madeUp(atOnce, 5)
      for (const token of [late, atOnce]) await checkedIn(token)
    }
    // Made up on the 15th, the 6th to 14th are days 6 to 14: 115 points where 85 were paid (the day-3 and day-7
    // bonuses moved from the 8th and 12th to the 10th and 14th, and the 7th is day 7). 30 more, not 70, on the
    // latest check-in short of its due.
    await at(15)
    expect(await madeUp(late, 5)).toMatchObject({ streak: 14, pointsRestored: 30 })
    expect(await balance(late)).toBe(await balance(atOnce))
    expect((await restoredEntries(late)).map((entry) => [entry.delta, entry.reason])).toEqual([
      [30, '补签后连签奖励补发 05-14 第 14 天'],
    ])
  })
})
