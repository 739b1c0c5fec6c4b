import fc from 'fast-check'
import * as v from 'valibot'
import type { LedgerEntry } from '../../src/contract'
import { CheckinCalendar, CheckinResult, MakeupResult, PointsSummary, SignedIn } from '../../src/contract'
import { createMockApp } from '../../mock/app'
import { Clock, MockMemberState } from '../../mock/mock-endpoints'
import { seedConfig } from '../../mock/seed-config'
import { createMemoryStore } from '../../mock/store'

// Random histories driven through the real app (in-process, memory store): check-ins (some retried with the same
// key), make-ups of random days, grants and spends, growth, a self-reported task, and clock moves by hours, days
// and years across month and year ends. After every step the ledger invariants are checked against models written
// here, independently of the mock's own code.

const config = seedConfig()
const TIME_ZONE = config.timeZone
/** The member joins here; histories start JOINED_DAYS later, a few days before New Year. */
const START = Date.parse('2030-12-10T20:00:00+08:00')
const JOINED_DAYS = 17
const HOUR_MS = 60 * 60 * 1000

type Command =
  | { kind: 'checkin'; retry: boolean }
  | { kind: 'daily'; days: number }
  | { kind: 'makeup'; daysBack: number }
  | { kind: 'points'; points: number }
  | { kind: 'growth'; growth: number }
  | { kind: 'task' }
  | { kind: 'hours'; hours: number }
  | { kind: 'days'; days: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('checkin' as const), retry: fc.boolean() }) },
  /** Checking in day after day builds streaks past the cycle. */
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('daily' as const), days: fc.integer({ min: 1, max: 9 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('makeup' as const),
      daysBack: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -1, max: 40 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('points' as const),
      points: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: -300, max: -1 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('growth' as const), growth: fc.integer({ min: 1, max: 600 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('task' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('days' as const),
      days: fc.oneof(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 200, max: 500 }),
      ),
    }),
  },
)

const dayOf = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  )
const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS).toISOString().slice(0, 10)

/** The streak as a member counts it: consecutive checked days through today, or through yesterday until today's. */
const modelStreak = (checked: ReadonlySet<string>, today: string): number => {
  let day = checked.has(today) ? today : shift(today, -1)
  let streak = 0
  while (checked.has(day)) {
    streak += 1
    day = shift(day, -1)
  }
  return streak
}

const modelCheckinPoints = (streak: number, growth: number): number => {
  const level = [...config.levels].reverse().find((candidate) => candidate.minGrowth <= growth)
  const day = ((streak - 1) % config.checkin.cycleDays) + 1
  const bonus = config.checkin.ladder.find((step) => step.day === day)?.bonusPoints ?? 0
  return Math.floor(((config.checkin.basePoints + bonus) * (level?.checkinMultiplierPercent ?? 100)) / 100)
}

/**
 * Replays the ledger in append order with lots spent earliest-expiry first, and checks what the server wrote:
 * no prefix below zero, no spend that could only be paid with expired points, each expiry entry exactly what
 * is left of its lot, and nothing left unexpired past its date.
 */
const checkLots = (ledger: readonly LedgerEntry[], nowMs: number): number => {
  const lots: { id: string; expiresMs: number; remaining: number }[] = []
  let running = 0
  for (const entry of ledger) {
    running += entry.delta
    expect(running).toBeGreaterThanOrEqual(0)
    const at = Date.parse(entry.createdAt)
    if (entry.delta > 0) {
      lots.push({ id: entry.id, expiresMs: Date.parse(entry.expiresAt ?? ''), remaining: entry.delta })
    } else if (entry.type === 'expiry') {
      const lot = lots.find((candidate) => candidate.id === entry.refId)
      expect(lot).toBeDefined()
      expect(entry.delta).toBe(-(lot?.remaining ?? 0))
      expect(lot?.expiresMs).toBeLessThan(nowMs)
      if (lot) lot.remaining = 0
    } else {
      // Every lot already expired when this was spent had been written off before it.
      for (const lot of lots) if (lot.expiresMs < at) expect(lot.remaining).toBe(0)
      let owed = -entry.delta
      for (const lot of [...lots].sort((a, b) => a.expiresMs - b.expiresMs)) {
        const taken = Math.min(lot.remaining, owed)
        lot.remaining -= taken
        owed -= taken
      }
      expect(owed).toBe(0)
    }
  }
  for (const lot of lots) if (lot.expiresMs < nowMs) expect(lot.remaining).toBe(0)
  return lots.reduce((sum, lot) => sum + lot.remaining, 0)
}

const runHistory = async (commands: Command[]): Promise<void> => {
  const store = createMemoryStore({ realNow: () => START })
  const app = createMockApp({ store, realNow: () => START })
  let keys = 0
  const call = async (method: string, path: string, options: { token?: string; body?: unknown; key?: string } = {}) => {
    const headers: Record<string, string> = { 'Idempotency-Key': options.key ?? `k-${(keys += 1)}` }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await app.fetch(
      new Request(`http://mock.test/api/v1${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
    )
    const body: unknown = await response.json()
    expect(response.status).toBeLessThan(500)
    return { status: response.status, body }
  }

  const { token } = v.parse(
    SignedIn,
    (await call('POST', '/auth/phone', { body: { phone: '13912345678', smsCode: '123456' } })).body,
  )
  await call('POST', '/__mock/clock', { body: { advanceDays: JOINED_DAYS } })
  const nowMs = (): number => START + store.state.clock.offsetMs
  const read = async () => ({
    state: v.parse(MockMemberState, (await call('GET', '/__mock/me', { token })).body),
    summary: v.parse(PointsSummary, (await call('GET', '/points/summary', { token })).body),
    calendar: v.parse(CheckinCalendar, (await call('GET', '/checkin/calendar', { token })).body),
  })

  const checked = new Set<string>()
  const checkinsByDay = new Map<string, number>()
  const makeupsByMonth = new Map<string, number>()
  /** The last check-in awarded, whose key a retry reuses (an object: closures assign it). */
  const last: { checkin: { key: string; body: unknown } | null } = { checkin: null }
  let before = await read()

  /** Checks in on `today`; answers the growth after it, or null when refused (already checked in, 409). */
  const checkIn = async (today: string, growthBefore: number): Promise<number | null> => {
    const key = `checkin-${(keys += 1)}`
    const response = await call('POST', '/checkin', { token, key })
    if (response.status === 409) {
      expect(checked.has(today)).toBe(true)
      return null
    }
    expect(response.status).toBe(201)
    const result = v.parse(CheckinResult, response.body)
    expect(result.date).toBe(today)
    checked.add(today)
    checkinsByDay.set(today, (checkinsByDay.get(today) ?? 0) + 1)
    expect(result.streak).toBe(modelStreak(checked, today))
    expect(result.pointsAwarded).toBe(modelCheckinPoints(result.streak, growthBefore))
    last.checkin = { key, body: response.body }
    return result.growth
  }

  for (const step of commands) {
    const today = before.calendar.today
    const growthBefore = before.state.member.growth
    let refused = false
    switch (step.kind) {
      case 'checkin': {
        if (step.retry && last.checkin) {
          const replay = await call('POST', '/checkin', { token, key: last.checkin.key })
          expect(replay.body).toEqual(last.checkin.body)
          refused = true // a replay changes nothing
          break
        }
        refused = (await checkIn(today, growthBefore)) === null
        break
      }
      case 'daily': {
        let day = today
        let growth = growthBefore
        for (let index = 0; index < step.days; index += 1) {
          growth = (await checkIn(day, growth)) ?? growth
          day = v.parse(Clock, (await call('POST', '/__mock/clock', { body: { advanceDays: 1 } })).body).today
        }
        break
      }
      case 'makeup': {
        const date = shift(today, -step.daysBack)
        const response = await call('POST', '/checkin/makeup', { token, body: { date } })
        if (response.status === 409) {
          refused = true
          break
        }
        expect(response.status).toBe(201)
        const result = v.parse(MakeupResult, response.body)
        expect(date < today && date.slice(0, 7) === today.slice(0, 7) && !checked.has(date)).toBe(true)
        expect(before.state.member.pointsBalance).toBeGreaterThanOrEqual(config.checkin.makeup.costPoints)
        checked.add(date)
        makeupsByMonth.set(today.slice(0, 7), (makeupsByMonth.get(today.slice(0, 7)) ?? 0) + 1)
        expect(result.streak).toBe(modelStreak(checked, today))
        break
      }
      case 'points':
      case 'growth': {
        const body = step.kind === 'points' ? { points: step.points } : { growth: step.growth }
        const response = await call('POST', '/__mock/grant', { token, body })
        if (response.status === 409) {
          expect(before.state.member.pointsBalance + (body.points ?? 0)).toBeLessThan(0)
          refused = true
        }
        break
      }
      case 'task': {
        refused = (await call('POST', '/tasks/task-browse-hot/complete', { token })).status === 409
        break
      }
      case 'hours':
        await call('POST', '/__mock/clock', { body: { advanceHours: step.hours } })
        break
      case 'days':
        await call('POST', '/__mock/clock', { body: { advanceDays: step.days } })
        break
    }

    const after = await read()
    const { member, ledger } = after.state
    const sum = ledger.reduce((total, entry) => total + entry.delta, 0)
    expect(member.pointsBalance).toBe(sum)
    expect(after.summary.balance).toBe(sum)
    expect(sum).toBeGreaterThanOrEqual(0)
    expect(checkLots(ledger, nowMs())).toBe(sum)
    expect(member.growth).toBeGreaterThanOrEqual(growthBefore)
    expect(after.summary.growth).toBe(member.growth)
    if (refused) expect(after.state).toEqual(before.state)
    expect(after.calendar.streak).toBe(modelStreak(checked, after.calendar.today))
    expect(after.calendar.today).toBe(dayOf(nowMs()))
    before = after
  }

  // At most one check-in per business day, at most perMonth make-ups per month: as answered, and in the ledger.
  const { ledger } = before.state
  expect([...checkinsByDay.values()].every((count) => count === 1)).toBe(true)
  expect([...makeupsByMonth.values()].every((count) => count <= config.checkin.makeup.perMonth)).toBe(true)
  const count = (keysOf: string[]) =>
    keysOf.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>())
  const checkinDays = count(
    ledger.filter((entry) => entry.type === 'checkin').map((entry) => dayOf(Date.parse(entry.createdAt))),
  )
  expect([...checkinDays.values()].every((n) => n === 1)).toBe(true)
  const makeupMonths = count(
    ledger.filter((entry) => entry.type === 'makeup').map((entry) => dayOf(Date.parse(entry.createdAt)).slice(0, 7)),
  )
  expect([...makeupMonths.values()].every((n) => n <= config.checkin.makeup.perMonth)).toBe(true)
}

describe('membership ledger invariants over random histories (through the app)', () => {
  it('keep balance = sum of the ledger >= 0, oldest lots first, growth monotone, one check-in a day, make-ups within the allowance', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), (commands) => runHistory(commands)),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 40) },
    )
  }, 60_000)
})
