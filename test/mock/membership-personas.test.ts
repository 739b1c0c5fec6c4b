import * as v from 'valibot'
import {
  BirthdayGift,
  CheckinCalendar,
  CheckinResult,
  CouponList,
  LevelOverview,
  MonthlyCoupon,
  PointsSummary,
  SignedIn,
  TaskList,
} from '../../src/contract/all'
import type { Hono } from 'hono'
import type { Database } from '../../mock/platform/db'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { addDays } from '../../mock/platform/time'
import { earnWithinDailyCap } from '../../mock/modules/points/service'
import { Clock, MockMemberState } from '../../mock/preview/endpoints'
import { seedConfig } from '../../mock/seed/config'
import type { ApiCall } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// The personas stay meaningful for the membership screens, and the rules that need the database itself (a fresh
// distributor, an order) hold: in-process, with the clock pinned to an ordinary afternoon.
const NOW = Date.parse('2030-03-12T15:00:00+08:00')
const TODAY = '2030-03-12'

let app: Hono
let db: Database
let call: ApiCall

beforeEach(async () => {
  ;({ app, db } = await createTestApp({ realNow: () => NOW }))
  call = apiCaller(app)
})

const persona = async (id: string): Promise<string> =>
  v.parse(SignedIn, (await call('POST', '/__mock/persona', { body: { id } })).body).token
const get = async <S extends v.GenericSchema>(schema: S, path: string, token: string) =>
  v.parse(schema, (await call('GET', path, { token })).body)
const query = <Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> =>
  db.transaction((sql) => sql.query<Row>(text, params))

describe('personas on the membership screens', () => {
  it('streak-day6: a five-day streak, today is day 6, and tomorrow’s day 7 pays the +30 bonus', async () => {
    const token = await persona('streak-day6')
    const calendar = await get(CheckinCalendar, '/checkin/calendar', token)
    expect(calendar).toMatchObject({ today: TODAY, streak: 5, checkedInToday: false })
    expect(calendar.ladder.slice(0, 2)).toEqual([
      { date: TODAY, streakDay: 6, points: 5, isBonusDay: false },
      { date: addDays(TODAY, 1), streakDay: 7, points: 35, isBonusDay: true },
    ])
    const response = await call('POST', '/checkin', { token })
    expect(response.status).toBe(201)
    const result = v.parse(CheckinResult, response.body)
    expect(result).toMatchObject({ streak: 6, pointsAwarded: 5, levelCode: 'V2' })
    expect(result.tomorrow).toEqual({ date: addDays(TODAY, 1), streakDay: 7, points: 35, isBonusDay: true })
  })

  it('points-expiring: 800 of its 1100 points expire in 20 days', async () => {
    const token = await persona('points-expiring')
    expect(await get(PointsSummary, '/points/summary', token)).toMatchObject({
      balance: 1100,
      pending: 0,
      expiringSoon: { points: 800, on: addDays(TODAY, 20) },
    })
  })

  it('birthday-month: a V3 whose gift is available this month, and claimable once', async () => {
    const token = await persona('birthday-month')
    expect((await get(BirthdayGift, '/birthday-gift', token)).status).toBe('available')
    expect((await call('POST', '/birthday-gift/claim', { token })).status).toBe(200)
    expect((await get(BirthdayGift, '/birthday-gift', token)).status).toBe('claimed')
    expect((await call('POST', '/birthday-gift/claim', { token })).status).toBe(409)
  })

  it('birthday-month: this month’s ¥10 level coupon claimed and unspent, so the wallet has one to use', async () => {
    const token = await persona('birthday-month')
    expect(await get(CouponList, '/coupons', token)).toEqual({
      items: [
        expect.objectContaining({
          source: 'level',
          valueFen: 1000,
          minSpendFen: 0,
          status: 'available',
          validFrom: TODAY,
          validUntil: addDays(TODAY, 29),
          orderId: null,
        }),
      ],
    })
    expect(await get(MonthlyCoupon, '/coupons/monthly', token)).toMatchObject({ status: 'claimed', month: '2030-03' })
  })

  it('new-member: nothing celebrated, nothing missed, the profile task still to do', async () => {
    const token = await persona('new-member')
    expect(await get(LevelOverview, '/levels', token)).toMatchObject({ levelCode: 'V1', uncelebratedLevel: null })
    expect((await get(CheckinCalendar, '/checkin/calendar', token)).missedDates).toEqual([])
    const profile = (await get(TaskList, '/tasks', token)).items.find((task) => task.action === 'profile')
    expect(profile).toMatchObject({ progress: 0, target: 2, isDone: false })
  })

  it.each(['new-member', 'streak-day6', 'kol-distributor', 'points-expiring', 'birthday-month', 'post-rejected'])(
    '%s: what the persona did before now shows as done and is not paid again on sight',
    async (id) => {
      const token = await persona(id)
      const before = v.parse(PointsSummary, (await call('GET', '/points/summary', { token })).body)
      const tasks = await get(TaskList, '/tasks', token)
      const after = v.parse(PointsSummary, (await call('GET', '/points/summary', { token })).body)
      expect(after).toEqual(before)
      expect((await get(LevelOverview, '/levels', token)).uncelebratedLevel).toBeNull()
      if (id === 'kol-distributor') {
        const done = tasks.items.filter((task) => task.isDone).map((task) => task.action)
        expect(done).toEqual(expect.arrayContaining(['invite', 'post']))
      }
    },
  )
})

describe('tasks paid the moment the server sees them done', () => {
  it('pays a distributor’s invite task when the first friend registers through the referral', async () => {
    // The new member becomes a distributor the way an operator would make one: in the database.
    await query(`UPDATE members SET is_distributor = true, referral_code = 'NEWBIE1' WHERE id = 'm-new'`)
    const response = await call('POST', '/auth/phone', {
      body: { phone: '13712345678', smsCode: '123456', ref: 'NEWBIE1' },
    })
    expect(response.status).toBe(200)
    // In the ledger already, before the distributor reads anything.
    const rewards = () =>
      query<{ delta: number; reason: string }>(
        `SELECT delta, reason FROM ledger_entries WHERE member_id = 'm-new' AND type = 'task' ORDER BY position`,
      )
    expect(await rewards()).toEqual([{ delta: 100, reason: '任务奖励：邀请好友注册' }])
    expect(await query(`SELECT growth, points_balance AS balance FROM members WHERE id = 'm-new'`)).toEqual([
      { growth: 50, balance: 100 },
    ])
    await call('POST', '/auth/phone', { body: { phone: '13712345679', smsCode: '123456', ref: 'NEWBIE1' } })
    expect(await rewards()).toHaveLength(1)
  })

  it('does not count a WeChat sign-up’s given nickname as one the member chose', async () => {
    const signedIn = v.parse(
      SignedIn,
      (await call('POST', '/auth/wechat', { body: { code: 'wx-code-1', installId: 'install-0001' } })).body,
    )
    const profile = (await get(TaskList, '/tasks', signedIn.token)).items.find((task) => task.action === 'profile')
    expect(profile?.progress).toBe(0)
  })
})

describe('order points', () => {
  it('stay pending for the refund window, then enter the ledger once as an order entry', async () => {
    const token = await persona('new-member')
    // A paid order as the shop recorded it two days before "now" (POST /orders writes at the server's now).
    await query(
      `INSERT INTO orders (id, member_id, product_id, item_name, quantity, amount_fen, status, ref, created_at, ship_by)
       VALUES ('o-test', 'm-new', 'p-serum', '玻尿酸精华液 50ml', 1, 19900, 'paid', NULL, '2030-03-10T10:00:00+08:00',
               '2030-03-12T10:00:00+08:00')`,
    )
    expect(await get(PointsSummary, '/points/summary', token)).toMatchObject({
      balance: 0,
      pending: 199,
      nextRelease: { points: 199, on: '2030-03-17' },
    })
    expect((await call('POST', '/__mock/clock', { body: { advanceDays: 5 } })).status).toBe(200)
    expect(v.parse(Clock, (await call('GET', '/__mock/clock')).body).today).toBe('2030-03-17')
    expect(await get(PointsSummary, '/points/summary', token)).toMatchObject({
      balance: 199,
      pending: 0,
      nextRelease: null,
    })
    await call('GET', '/points/summary', { token })
    const { ledger } = await get(MockMemberState, '/__mock/me', token)
    expect(ledger).toEqual([
      expect.objectContaining({
        delta: 199,
        type: 'order',
        refId: 'o-test',
        createdAt: '2030-03-17T10:00:00+08:00',
        expiresAt: '2031-12-31T23:59:59+08:00',
      }),
    ])
  })
})

describe('daily caps on the ledger', () => {
  it('pays a capped source up to its daily maximum, then nothing until the next business day', async () => {
    const config = seedConfig()
    const pay = (nowMs: number, source = 'comment') =>
      db.transaction((sql) =>
        earnWithinDailyCap(
          { sql, nowMs, realNowMs: nowMs, config, settings: DEFAULT_SETTINGS },
          'm-new',
          source,
          source === 'comment' ? { reason: '评论奖励', refId: null } : { reason: '分享', refId: null },
        ),
      )
    const paid: number[] = []
    for (let index = 0; index < 7; index += 1) paid.push(await pay(NOW))
    expect(paid).toEqual([2, 2, 2, 2, 2, 0, 0])
    // Nothing is written for a payment of zero.
    expect(await query(`SELECT delta FROM ledger_entries WHERE member_id = 'm-new'`)).toHaveLength(5)
    // 00:30 the next day in Shanghai is a new business day.
    expect(await pay(Date.parse('2030-03-13T00:30:00+08:00'))).toBe(2)
    expect(await pay(NOW, 'share')).toBe(0)
    // The stored balance moved with every entry.
    expect(await query(`SELECT points_balance AS balance FROM members WHERE id = 'm-new'`)).toEqual([{ balance: 12 }])
  })
})
