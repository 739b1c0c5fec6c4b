import fc from 'fast-check'
import * as v from 'valibot'
import type { LedgerEntry } from '../../src/contract/all'
import {
  Address,
  CheckinCalendar,
  CheckinResult,
  MakeupResult,
  PointsSummary,
  Redemption,
  SignedIn,
} from '../../src/contract/all'
import type { Database } from '../../mock/platform/db'
import type { LedgerLine } from '../../mock/modules/points/rules'
import { remainingLots } from '../../mock/modules/points/rules'
import { Clock, MockMemberState } from '../../mock/preview/endpoints'
import { seedConfig } from '../../mock/seed/config'
import type { TestApp } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// Random histories driven through the real app (in-process, PGlite): check-ins (some retried with the same key),
// make-ups of random days, grants and spends, growth, a self-reported task, redemptions and their cancels, and
// clock moves by hours, days, months and years across month and year ends (so lots expire). After every step the
// ledger invariants are checked against models written here, independently of the server's own code, and the
// stored balance and lots are read straight from PostgreSQL and checked against a replay of the ledger.

const config = seedConfig()
const TIME_ZONE = config.timeZone
/** The member joins here; histories start JOINED_DAYS later, a few days before New Year. */
const START = Date.parse('2030-12-10T20:00:00+08:00')
const JOINED_DAYS = 17
const HOUR_MS = 60 * 60 * 1000
/** Modest, so the file stays well under 30 s on 2 cores; FC_NUM_RUNS=200 for a longer hunt. */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 15)

/** Gifts open to a new member: one physical (cancellable while pending shipment), a coupon and a virtual one. */
const GIFT_IDS = ['gift-tote', 'gift-coupon-5', 'gift-ebook'] as const

type Command =
  | { kind: 'checkin'; retry: boolean }
  | { kind: 'daily'; days: number }
  | { kind: 'makeup'; daysBack: number }
  | { kind: 'points'; points: number }
  | { kind: 'growth'; growth: number }
  | { kind: 'task' }
  | { kind: 'redeem'; gift: number }
  | { kind: 'cancel'; pick: number }
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
    weight: 4,
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
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      gift: fc.integer({ min: 0, max: GIFT_IDS.length - 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat({ max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('days' as const),
      days: fc.oneof(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 200, max: 500 }),
        fc.integer({ min: 365, max: 800 }),
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

// Timestamps come back from the driver as Dates of another realm (PGlite loads outside jest's sandbox), so only
// their methods are used, never instanceof.
type EntryRow = {
  memberId: string
  id: string
  delta: number
  type: string
  refId: string | null
  expiresAt: Date | null
}
type LotRow = { memberId: string; entryId: string; expiresAt: Date | null; remaining: number }

/**
 * The design's promise: each member's stored balance (members.points_balance) and open lots (point_lots) are
 * kept current in the same transaction as every ledger row, so at any moment they equal what the ledger says:
 * the sum of its deltas, and the lots that remainingLots() gets by replaying it in append order. Read straight
 * from PostgreSQL, for every member, so a service that moves one without the other (or moves it wrongly) fails.
 */
const checkStoredPointsMatchLedger = async (db: Database): Promise<void> => {
  const { members, entries, lots } = await db.transaction(async (sql) => ({
    members: await sql.query<{ id: string; balance: number }>(
      `SELECT id, points_balance AS balance FROM members ORDER BY id`,
    ),
    entries: await sql.query<EntryRow>(
      `SELECT member_id AS "memberId", id, delta, type, ref_id AS "refId", expires_at AS "expiresAt"
       FROM ledger_entries ORDER BY position`,
    ),
    lots: await sql.query<LotRow>(
      `SELECT member_id AS "memberId", entry_id AS "entryId", expires_at AS "expiresAt", remaining
       FROM point_lots WHERE remaining > 0 ORDER BY position`,
    ),
  }))
  const epochOf = (at: Date | null): number | null => (at === null ? null : at.getTime())
  for (const member of members) {
    const lines: LedgerLine[] = entries
      .filter((entry) => entry.memberId === member.id)
      .map((entry) => ({
        id: entry.id,
        delta: entry.delta,
        type: entry.type,
        refId: entry.refId,
        expiresAt: entry.expiresAt === null ? null : entry.expiresAt.toISOString(),
      }))
    const stored = {
      member: member.id,
      balance: member.balance,
      lots: lots
        .filter((lot) => lot.memberId === member.id)
        .map((lot) => ({ id: lot.entryId, expiresMs: epochOf(lot.expiresAt), remaining: lot.remaining })),
    }
    const replayed = {
      member: member.id,
      balance: lines.reduce((sum, line) => sum + line.delta, 0),
      lots: remainingLots(lines).map((lot) => ({
        id: lot.id,
        expiresMs: lot.expiresAt === null ? null : Date.parse(lot.expiresAt),
        remaining: lot.remaining,
      })),
    }
    expect(stored).toEqual(replayed)
  }
}

/**
 * One seeded server for every run (seeding one costs about a second): each run starts by setting the clock back
 * to START and signs up a member of its own, whose history then starts from nothing like on a fresh server.
 */
let shared: Promise<TestApp> | null = null
let runs = 0

const runHistory = async (commands: Command[]): Promise<void> => {
  const { app, db } = await (shared ??= createTestApp({ realNow: () => START }))
  const phone = `1391${String((runs += 1)).padStart(7, '0')}`
  let keys = 0
  const call = apiCaller(app)

  await call('POST', '/__mock/clock', { body: { set: new Date(START).toISOString() } })
  const { token } = v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).body)
  const address = await call('POST', '/addresses', {
    token,
    body: { name: '会员', phone, region: ['浙江省', '杭州市', '西湖区'], detail: '文三路 1 号' },
  })
  const addressId = v.parse(Address, address.body).id
  await call('POST', '/__mock/clock', { body: { advanceDays: JOINED_DAYS } })
  // The server's clock, as it answers it (the offset lives in the database).
  const read = async () => ({
    state: v.parse(MockMemberState, (await call('GET', '/__mock/me', { token })).body),
    summary: v.parse(PointsSummary, (await call('GET', '/points/summary', { token })).body),
    calendar: v.parse(CheckinCalendar, (await call('GET', '/checkin/calendar', { token })).body),
    clock: v.parse(Clock, (await call('GET', '/__mock/clock')).body),
  })

  const checked = new Set<string>()
  const checkinsByDay = new Map<string, number>()
  const makeupsByMonth = new Map<string, number>()
  const redemptionIds: string[] = []
  /** The last check-in awarded, whose key a retry reuses (an object: closures assign it). */
  const last: { checkin: { key: string; body: unknown } | null } = { checkin: null }
  await checkStoredPointsMatchLedger(db)
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
      case 'redeem': {
        const giftId = GIFT_IDS[step.gift] ?? 'gift-tote'
        const response = await call('POST', '/redemptions', {
          token,
          body: { giftId, quantity: 1, ...(giftId === 'gift-tote' ? { addressId } : {}) },
        })
        // Refusals (limit, points) are the mall test's subject; here only that they change nothing.
        if (response.status === 409) {
          refused = true
          break
        }
        expect(response.status).toBe(201)
        redemptionIds.push(v.parse(Redemption, response.body).id)
        break
      }
      case 'cancel': {
        const id = redemptionIds[step.pick % Math.max(1, redemptionIds.length)]
        if (id === undefined) {
          refused = true
          break
        }
        const response = await call('POST', `/redemptions/${id}/cancel`, { token })
        if (response.status === 409) {
          refused = true
          break
        }
        expect(response.status).toBe(200)
        break
      }
      case 'hours':
        await call('POST', '/__mock/clock', { body: { advanceHours: step.hours } })
        break
      case 'days':
        await call('POST', '/__mock/clock', { body: { advanceDays: step.days } })
        break
    }

    // As the operation left it (a clock move settles nothing yet), then again after the reads that settle.
    await checkStoredPointsMatchLedger(db)
    const after = await read()
    await checkStoredPointsMatchLedger(db)
    const nowMs = Date.parse(after.clock.now)
    const { member, ledger } = after.state
    const sum = ledger.reduce((total, entry) => total + entry.delta, 0)
    expect(member.pointsBalance).toBe(sum)
    expect(after.summary.balance).toBe(sum)
    expect(sum).toBeGreaterThanOrEqual(0)
    expect(checkLots(ledger, nowMs)).toBe(sum)
    expect(member.growth).toBeGreaterThanOrEqual(growthBefore)
    expect(after.summary.growth).toBe(member.growth)
    if (refused) expect(after.state).toEqual(before.state)
    expect(after.calendar.streak).toBe(modelStreak(checked, after.calendar.today))
    expect(after.calendar.today).toBe(dayOf(nowMs))
    expect(after.clock.today).toBe(after.calendar.today)
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
  it('keep balance = sum of the ledger >= 0, oldest lots first, growth monotone, one check-in a day, make-ups within the allowance, stored balance and lots = the replayed ledger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 15 }), (commands) => runHistory(commands)),
      { numRuns: NUM_RUNS },
    )
  }, 60_000)
})

describe('the stored-points check itself', () => {
  // Proof the invariant can fail: drift the stored balance or a lot the way a broken service would, then undo it.
  const drifted = async (drift: string, undo: string): Promise<void> => {
    const { db } = await (shared ??= createTestApp({ realNow: () => START }))
    await checkStoredPointsMatchLedger(db)
    await db.transaction((sql) => sql.exec(drift))
    await expect(checkStoredPointsMatchLedger(db)).rejects.toThrow()
    await db.transaction((sql) => sql.exec(undo))
    await checkStoredPointsMatchLedger(db)
  }

  it('catches a balance moved without its ledger row', () =>
    drifted(
      `UPDATE members SET points_balance = points_balance + 1 WHERE id = 'm-expiring'`,
      `UPDATE members SET points_balance = points_balance - 1 WHERE id = 'm-expiring'`,
    ))

  it('catches a lot that was not taken from (or was taken too much)', () =>
    drifted(
      `UPDATE point_lots SET remaining = remaining - 1 WHERE member_id = 'm-expiring' AND remaining > 1`,
      `UPDATE point_lots SET remaining = remaining + 1 WHERE member_id = 'm-expiring' AND remaining > 0`,
    ))

  it('catches a lot whose expiry moved', () =>
    drifted(
      `UPDATE point_lots SET expires_at = expires_at + interval '1 day' WHERE member_id = 'm-expiring'`,
      `UPDATE point_lots SET expires_at = expires_at - interval '1 day' WHERE member_id = 'm-expiring'`,
    ))
})
