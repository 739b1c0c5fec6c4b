import fc from 'fast-check'
import * as v from 'valibot'
import { Address, GiftDetail, Redemption, RedemptionPage, SignedIn } from '../../src/contract/all'
import { MockMemberState } from '../../mock/preview/endpoints'
import type { TestApp } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// Random histories of redeem / cancel / grant / clock moves over three members and four gifts, driven through the
// real app (in-process, PGlite). A model written here predicts each answer (the refusal order, who may
// cancel when), and after every step stock and points are checked to be conserved, through the API and in the
// tables themselves.

/** Mid-year, so no lot expires within a history (they last to the end of next year). */
const START = Date.parse('2031-05-10T09:00:00+08:00')
const HOUR_MS = 60 * 60 * 1000
const SHIP_AFTER_MS = 48 * HOUR_MS

type GiftModel = { id: string; kind: 'physical' | 'virtual' | 'coupon'; cost: number; limit: number }
const GIFTS: GiftModel[] = [
  { id: 'gift-tote', kind: 'physical', cost: 300, limit: 2 },
  { id: 'gift-cleanser-mini', kind: 'physical', cost: 500, limit: 1 },
  { id: 'gift-ebook', kind: 'virtual', cost: 150, limit: 2 },
  { id: 'gift-coupon-5', kind: 'coupon', cost: 200, limit: 5 },
]
const MEMBERS = 3

type Command =
  | { kind: 'redeem'; member: number; gift: number; quantity: number; withAddress: boolean }
  | { kind: 'replay'; member: number }
  | { kind: 'cancel'; member: number; pick: number; sameKeyTwice: boolean }
  | { kind: 'grant'; member: number; points: number }
  | { kind: 'hours'; hours: number }

const member = fc.integer({ min: 0, max: MEMBERS - 1 })
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      member,
      gift: fc.integer({ min: 0, max: GIFTS.length - 1 }),
      quantity: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 })),
      withAddress: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), member }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      member,
      pick: fc.nat({ max: 40 }),
      sameKeyTwice: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('grant' as const), member, points: fc.integer({ min: 1, max: 1500 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 1, max: 60 }) }) },
)

type ModelRedemption = {
  id: string
  member: number
  gift: GiftModel
  quantity: number
  createdMs: number
  cancelled: boolean
}

/**
 * One seeded server for every run (seeding one costs about a second): each run sets the clock back to START, sets
 * the stocks, and signs up members of its own, so what earlier runs' members hold counts for nobody here.
 */
let shared: Promise<TestApp> | null = null
let runs = 0

const runHistory = async (initialStocks: number[], initialPoints: number[], commands: Command[]): Promise<void> => {
  const { app, db } = await (shared ??= createTestApp({ realNow: () => START }))
  const run = (runs += 1)
  let keys = 0
  const call = apiCaller(app)
  const codeOf = (body: unknown): string => (body as { error?: { code?: string } }).error?.code ?? ''

  // Set up: the clock, stocks, members with an address and their first points.
  expect((await call('POST', '/__mock/clock', { body: { set: new Date(START).toISOString() } })).status).toBe(200)
  for (const [index, gift] of GIFTS.entries())
    expect((await call('PATCH', `/__mock/gifts/${gift.id}`, { body: { stock: initialStocks[index] } })).status).toBe(
      200,
    )
  const tokens: string[] = []
  const memberIds: string[] = []
  const addressIds: string[] = []
  for (let index = 0; index < MEMBERS; index += 1) {
    const phone = `137${String(run * MEMBERS + index).padStart(8, '0')}`
    const { token, member: signedIn } = v.parse(
      SignedIn,
      (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456' } })).body,
    )
    tokens.push(token)
    memberIds.push(signedIn.id)
    const address = await call('POST', '/addresses', {
      token,
      body: { name: `会员${index}`, phone, region: ['浙江省', '杭州市', '西湖区'], detail: `文三路 ${index + 1} 号` },
    })
    addressIds.push(v.parse(Address, address.body).id)
    if ((initialPoints[index] ?? 0) > 0)
      await call('POST', '/__mock/grant', { token, body: { points: initialPoints[index] } })
  }
  const granted = [...initialPoints]
  const model: ModelRedemption[] = []
  const lastRedeem: ({ key: string; body: unknown; answer: unknown; status: number } | null)[] = tokens.map(() => null)
  let clockMs = START

  const stockOf = async (gift: GiftModel) => v.parse(GiftDetail, (await call('GET', `/gifts/${gift.id}`)).body).stock
  const held = (who: number, gift: GiftModel) =>
    model.filter((r) => r.member === who && r.gift === gift && !r.cancelled).reduce((sum, r) => sum + r.quantity, 0)
  const spent = (who: number) =>
    model.filter((r) => r.member === who && !r.cancelled).reduce((sum, r) => sum + r.gift.cost * r.quantity, 0)
  const balanceModel = (who: number) => (granted[who] ?? 0) - spent(who)
  const stockModel = (index: number) => {
    const gift = GIFTS[index] as GiftModel
    return (
      (initialStocks[index] ?? 0) -
      model.filter((r) => r.gift === gift && !r.cancelled).reduce((s, r) => s + r.quantity, 0)
    )
  }

  for (const step of commands) {
    switch (step.kind) {
      case 'redeem': {
        const gift = GIFTS[step.gift] as GiftModel
        const token = tokens[step.member] ?? ''
        const body = {
          giftId: gift.id,
          quantity: step.quantity,
          ...(step.withAddress ? { addressId: addressIds[step.member] } : {}),
        }
        const expected =
          gift.kind === 'virtual' && step.quantity > 1
            ? 'VALIDATION_FAILED'
            : gift.kind === 'physical' && !step.withAddress
              ? 'ADDRESS_REQUIRED'
              : stockModel(step.gift) < step.quantity
                ? 'OUT_OF_STOCK'
                : held(step.member, gift) + step.quantity > gift.limit
                  ? 'LIMIT_REACHED'
                  : balanceModel(step.member) < gift.cost * step.quantity
                    ? 'INSUFFICIENT_POINTS'
                    : null
        const key = `redeem-${(keys += 1)}`
        const response = await call('POST', '/redemptions', { token, body, key })
        lastRedeem[step.member] = { key, body, answer: response.body, status: response.status }
        if (expected !== null) {
          expect([response.status === 201 ? 'created' : codeOf(response.body)]).toEqual([expected])
          break
        }
        expect(response.status).toBe(201)
        const redemption = v.parse(Redemption, response.body)
        expect(redemption.status).toBe(gift.kind === 'physical' ? 'pending_shipment' : 'completed')
        expect(redemption.code === null).toBe(gift.kind === 'physical')
        model.push({
          id: redemption.id,
          member: step.member,
          gift,
          quantity: step.quantity,
          createdMs: clockMs,
          cancelled: false,
        })
        break
      }
      case 'replay': {
        const last = lastRedeem[step.member]
        if (!last) break
        const response = await call('POST', '/redemptions', {
          token: tokens[step.member],
          body: last.body,
          key: last.key,
        })
        expect([response.status, response.body]).toEqual([last.status, last.answer])
        break
      }
      case 'cancel': {
        const target = model[step.pick % Math.max(1, model.length)]
        if (!target) break
        const token = tokens[step.member] ?? ''
        const key = `cancel-${(keys += 1)}`
        const response = await call('POST', `/redemptions/${target.id}/cancel`, { token, key })
        const pending =
          target.gift.kind === 'physical' && !target.cancelled && clockMs < target.createdMs + SHIP_AFTER_MS
        if (target.member !== step.member) expect([response.status, codeOf(response.body)]).toEqual([404, 'NOT_FOUND'])
        else if (!pending) expect([response.status, codeOf(response.body)]).toEqual([409, 'CANCEL_NOT_ALLOWED'])
        else {
          expect(response.status).toBe(200)
          expect(v.parse(Redemption, response.body).status).toBe('cancelled')
          target.cancelled = true
        }
        if (step.sameKeyTwice) {
          const again = await call('POST', `/redemptions/${target.id}/cancel`, { token, key })
          expect([again.status, again.body]).toEqual([response.status, response.body])
        }
        break
      }
      case 'grant':
        await call('POST', '/__mock/grant', { token: tokens[step.member], body: { points: step.points } })
        granted[step.member] = (granted[step.member] ?? 0) + step.points
        break
      case 'hours':
        await call('POST', '/__mock/clock', { body: { advanceHours: step.hours } })
        clockMs += step.hours * HOUR_MS
        break
    }

    // Stock is conserved: initial = what is left + what members hold (not cancelled); never below zero.
    for (const [index, gift] of GIFTS.entries()) {
      const stock = await stockOf(gift)
      expect(stock).toBeGreaterThanOrEqual(0)
      expect(stock).toBe(stockModel(index))
    }
    // The same in the tables: the stored stock, and each member's stored balance next to their ledger's sum and
    // their redemption rows (cancelled exactly when the model says).
    const stored = await db.transaction(async (sql) => ({
      stocks: await sql.query<{ id: string; stock: number }>(`SELECT id, stock FROM gifts WHERE id = ANY($1::text[])`, [
        GIFTS.map((gift) => gift.id),
      ]),
      balances: await sql.query<{ id: string; balance: number; ledgerSum: number }>(
        `SELECT m.id, m.points_balance AS balance,
           (SELECT coalesce(sum(delta), 0)::int FROM ledger_entries e WHERE e.member_id = m.id) AS "ledgerSum"
         FROM members m WHERE m.id = ANY($1::text[])`,
        [memberIds],
      ),
      redemptions: await sql.query<{ id: string; memberId: string; isCancelled: boolean; pointsSpent: number }>(
        `SELECT id, member_id AS "memberId", cancelled_at IS NOT NULL AS "isCancelled", points_spent AS "pointsSpent"
         FROM redemptions WHERE member_id = ANY($1::text[])`,
        [memberIds],
      ),
    }))
    expect(Object.fromEntries(stored.stocks.map((row) => [row.id, row.stock]))).toEqual(
      Object.fromEntries(GIFTS.map((gift, index) => [gift.id, stockModel(index)])),
    )
    expect(Object.fromEntries(stored.balances.map((row) => [row.id, [row.balance, row.ledgerSum]]))).toEqual(
      Object.fromEntries(memberIds.map((id, who) => [id, [balanceModel(who), balanceModel(who)]])),
    )
    expect(stored.redemptions.map((row) => [row.id, row.memberId, row.isCancelled, row.pointsSpent]).sort()).toEqual(
      model.map((r) => [r.id, memberIds[r.member], r.cancelled, r.gift.cost * r.quantity]).sort(),
    )
    // Points are conserved: balance = sum of the ledger = grants - spent on redemptions that stand, never negative.
    for (const [who, token] of tokens.entries()) {
      const { member: me, ledger } = v.parse(MockMemberState, (await call('GET', '/__mock/me', { token })).body)
      const sum = ledger.reduce((total, entry) => total + entry.delta, 0)
      expect(me.pointsBalance).toBe(sum)
      expect(sum).toBe(balanceModel(who))
      let running = 0
      for (const entry of ledger) {
        running += entry.delta
        expect(running).toBeGreaterThanOrEqual(0)
      }
      // One spend per redemption, and a refund of exactly what it cost for each cancelled one, never twice.
      const mine = model.filter((r) => r.member === who)
      for (const redemption of mine) {
        const about = ledger.filter((entry) => entry.refId === redemption.id)
        const cost = redemption.gift.cost * redemption.quantity
        expect(about.filter((entry) => entry.type === 'redemption').map((entry) => entry.delta)).toEqual([-cost])
        const refunded = about.filter((entry) => entry.type === 'redemption_cancel').reduce((s, e) => s + e.delta, 0)
        expect(refunded).toBe(redemption.cancelled ? cost : 0)
      }
      expect(ledger.filter((entry) => entry.type === 'redemption')).toHaveLength(mine.length)
      // The member's list agrees with the model, status by the clock included.
      const page = v.parse(RedemptionPage, (await call('GET', '/redemptions?limit=50', { token })).body)
      const statusOf = (r: ModelRedemption) =>
        r.cancelled
          ? 'cancelled'
          : r.gift.kind !== 'physical'
            ? 'completed'
            : clockMs < r.createdMs + SHIP_AFTER_MS
              ? 'pending_shipment'
              : clockMs < r.createdMs + SHIP_AFTER_MS + 7 * 24 * HOUR_MS
                ? 'shipped'
                : 'completed'
      expect(page.items.map((item) => [item.id, item.status]).sort()).toEqual(
        mine.map((r) => [r.id, statusOf(r)]).sort(),
      )
    }
  }
}

describe('points mall invariants over random histories (through the app)', () => {
  it('conserve stock and points: stock never negative, balances never negative, each cancel refunds exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: GIFTS.length, maxLength: GIFTS.length }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: MEMBERS, maxLength: MEMBERS }),
        fc.array(command, { minLength: 5, maxLength: 15 }),
        (stocks, points, commands) => runHistory(stocks, points, commands),
      ),
      // Modest, so the file stays well under 30 s on 2 cores; FC_NUM_RUNS=200 for a longer hunt.
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 15) },
    )
  }, 60_000)
})
