import * as v from 'valibot'
import {
  CommissionPage,
  DistributionOverview,
  DistributionStatus,
  SignedIn,
  Withdrawal,
  WithdrawalPage,
} from '../../src/contract/all'
import type { Commission } from '../../src/contract/all'
import { apiCaller, createTestApp } from '../support/test-server'

// A KOL "wants to see every fan and every fen": walked through every state of their money by the mock clock
// (pending 7 days, settled, reversed by a refund, a withdrawal requested, paid by the mock payout, rejected by the
// operator), the KOL center's totals must equal, at every step, the sums of the rows 佣金明细 and 提现记录 list,
// and each commission row must say which order, which buyer, how much and when it settles (or why it was taken back).

const DAY_MS = 24 * 60 * 60 * 1000
const START = Date.parse('2030-05-10T10:00:00+08:00')
const SHANGHAI_MS = 8 * 60 * 60 * 1000

const setUp = async () => {
  const { app } = await createTestApp({ realNow: () => START })
  const call = apiCaller(app)
  const signIn = async (phone: string, ref?: string) =>
    v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).body)
  const distribute = async (token: string) =>
    v.parse(
      DistributionStatus,
      (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
    ).referralCode ?? ''
  const buy = async (token: string, productId: string, ref: string) => {
    const response = await call('POST', '/orders', { token, body: { productId, ref } })
    expect(response.status).toBe(201)
    return response.body as { id: string; amountFen: number }
  }
  const advance = async (change: { advanceDays: number } | { advanceHours: number }) =>
    expect((await call('POST', '/__mock/clock', { body: change })).status).toBe(200)
  const now = async () => Date.parse((await call('GET', '/__mock/clock')).body.now as string)
  return { call, signIn, distribute, buy, advance, now }
}

type Api = Awaited<ReturnType<typeof setUp>>

const sum = (rows: readonly { amountFen: number }[]) => rows.reduce((total, row) => total + row.amountFen, 0)

/** The start of the business day (Asia/Shanghai, the seed's zone) holding `ms`. */
const dayStart = (ms: number) => Math.floor((ms + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS

/** Every commission row, page after page, as 佣金明细 reads them (a tab: `?status=`). */
const allCommissions = async (api: Api, token: string, status?: string): Promise<Commission[]> => {
  const rows: Commission[] = []
  let cursor: string | null = null
  do {
    const query = new URLSearchParams({ limit: '2', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
    const page: v.InferOutput<typeof CommissionPage> = v.parse(
      CommissionPage,
      (await api.call('GET', `/distribution/commissions?${query}`, { token })).body,
    )
    rows.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return rows
}

/**
 * The KOL center's head against the lists, at the server's now: each total is the sum of its rows, withdrawable is
 * settled less what is withdrawing and withdrawn, each tab lists exactly its rows. Answers the overview's figures.
 */
const reconcile = async (api: Api, token: string) => {
  const overview = v.parse(DistributionOverview, (await api.call('GET', '/distribution/overview', { token })).body)
  const rows = await allCommissions(api, token)
  const withdrawals = v.parse(
    WithdrawalPage,
    (await api.call('GET', '/distribution/withdrawals?limit=50', { token })).body,
  )
  const nowMs = await api.now()
  const of = (status: Commission['status']) => rows.filter((row) => row.status === status)
  const today = dayStart(nowMs)
  const expected = {
    todayFen: sum(
      rows.filter(
        (row) =>
          row.status !== 'reversed' && Date.parse(row.createdAt) >= today && Date.parse(row.createdAt) < today + DAY_MS,
      ),
    ),
    pendingFen: sum(of('pending')),
    settledFen: sum(of('settled')),
    reversedFen: sum(of('reversed')),
    withdrawingFen: sum(withdrawals.items.filter((item) => item.status === 'requested')),
    withdrawnFen: sum(withdrawals.items.filter((item) => item.status === 'paid')),
  }
  expect(overview.commission).toEqual({
    ...expected,
    withdrawableFen: expected.settledFen - expected.withdrawingFen - expected.withdrawnFen,
  })
  for (const status of ['pending', 'settled', 'reversed'] as const)
    expect((await allCommissions(api, token, status)).map((row) => row.id)).toEqual(of(status).map((row) => row.id))
  for (const row of rows) {
    // Which order, which buyer, what was bought, how much of how much, when it settles (or why it did not).
    expect(row.orderId).toMatch(/\S/)
    expect(row.buyerNickname).toMatch(/\S/)
    expect(row.itemName).toMatch(/\S/)
    expect(row.amountFen).toBe(Math.floor(row.orderAmountFen / 10))
    expect(Date.parse(row.settlesAt) - Date.parse(row.createdAt)).toBe(7 * DAY_MS)
    if (row.status === 'reversed') expect(Date.parse(row.reversedAt ?? '')).toBeLessThan(Date.parse(row.settlesAt))
    else expect(row.reversedAt).toBeNull()
    if (row.status !== 'reversed') expect(row.status === 'pending').toBe(Date.parse(row.settlesAt) > nowMs)
  }
  return { ...overview.commission, rows, withdrawals: withdrawals.items }
}

describe('a KOL traces every fen of their commission through every state', () => {
  it('totals equal the lists at each step: pending, refunded, settled, withdrawal requested, paid, rejected', async () => {
    const api = await setUp()
    const kol = await api.signIn('13955550001')
    const code = await api.distribute(kol.token)
    const rival = await api.signIn('13955550002')
    const rivalCode = await api.distribute(rival.token)
    const ann = await api.signIn('13955550003', code)
    const bob = await api.signIn('13955550004', code)
    const rivalsFan = await api.signIn('13955550005', rivalCode)

    // Day 0: two fans buy (¥299 and ¥199); the rival's fan buys through the KOL's link, which pays the rival.
    const box = await api.buy(ann.token, 'p-giftbox', code)
    const serum = await api.buy(bob.token, 'p-serum', code)
    await api.buy(rivalsFan.token, 'p-serum', code)
    let step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ todayFen: 4980, pendingFen: 4980, settledFen: 0, withdrawableFen: 0 })
    expect(step.rows.map((row) => [row.orderId, row.buyerNickname])).toEqual([
      [serum.id, bob.member.nickname],
      [box.id, ann.member.nickname],
    ])

    // Day 1: Bob refunds inside the window (his commission is taken back, and says so); Ann buys again.
    await api.advance({ advanceDays: 1 })
    expect((await api.call('POST', `/orders/${serum.id}/refund`, { token: bob.token })).status).toBe(200)
    const again = await api.buy(ann.token, 'p-serum', code)
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ todayFen: 1990, pendingFen: 4980, reversedFen: 1990, settledFen: 0 })
    expect(step.rows.find((row) => row.orderId === serum.id)?.status).toBe('reversed')

    // Day 7: the first order settles, the second is still pending; a withdrawal of ¥10 is requested.
    await api.advance({ advanceDays: 6 })
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ todayFen: 0, pendingFen: 1990, settledFen: 2990, withdrawableFen: 2990 })
    const refused = await api.call('POST', '/distribution/withdrawals', { token: kol.token, body: { amountFen: 999 } })
    expect(refused.body).toMatchObject({
      error: { code: 'WITHDRAWAL_NOT_ALLOWED', details: { reason: 'below_minimum' } },
    })
    const first = v.parse(
      Withdrawal,
      (await api.call('POST', '/distribution/withdrawals', { token: kol.token, body: { amountFen: 1000 } })).body,
    )
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ settledFen: 2990, withdrawingFen: 1000, withdrawnFen: 0, withdrawableFen: 1990 })
    const second = await api.call('POST', '/distribution/withdrawals', { token: kol.token, body: { amountFen: 1000 } })
    expect(second.body).toMatchObject({ error: { details: { reason: 'pending_exists' } } })

    // Day 8: the mock payout has paid the request, and Ann's second order has settled.
    await api.advance({ advanceDays: 1 })
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ pendingFen: 0, settledFen: 4980, withdrawingFen: 0, withdrawnFen: 1000 })
    expect(step.withdrawableFen).toBe(3980)
    expect(step.withdrawals).toEqual([expect.objectContaining({ id: first.id, status: 'paid' })])
    expect(step.rows.find((row) => row.orderId === again.id)?.status).toBe('settled')

    // The rest is asked for and the operator rejects it: withdrawable again, with the reason in the history.
    const rest = v.parse(
      Withdrawal,
      (await api.call('POST', '/distribution/withdrawals', { token: kol.token, body: { amountFen: 3980 } })).body,
    )
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ withdrawingFen: 3980, withdrawableFen: 0 })
    const rejected = await api.call('POST', `/__mock/withdrawals/${rest.id}`, {
      body: {
        status: 'rejected',
        reason: '收款账户信息有误',
      },
    })
    expect(rejected.status).toBe(200)
    step = await reconcile(api, kol.token)
    expect(step).toMatchObject({ settledFen: 4980, withdrawingFen: 0, withdrawnFen: 1000, withdrawableFen: 3980 })
    expect(step.withdrawals[0]).toMatchObject({ id: rest.id, status: 'rejected', rejectReason: '收款账户信息有误' })
  })
})

describe('the seeded KOL (Lina), as an operator previews her', () => {
  it('has totals that equal her lists today and once everything has settled', async () => {
    const api = await setUp()
    const lina = (await api.call('POST', '/__mock/persona', { body: { id: 'kol-distributor' } })).body as {
      token: string
    }
    const today = await reconcile(api, lina.token)
    expect(today.rows.length).toBeGreaterThan(0)
    await api.advance({ advanceDays: 8 })
    const later = await reconcile(api, lina.token)
    expect(later.pendingFen).toBe(0)
  })
})
