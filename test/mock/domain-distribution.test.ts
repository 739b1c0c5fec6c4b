import * as v from 'valibot'
import { DistributionStatus, Member, Purchase, SignedIn } from '../../src/contract/all'
import { WXACODE_SCENE_MAX, WXACODE_SCENE_PATTERN } from '../../src/contract/all'
import {
  arrivalRefusal,
  commissionEarner,
  commissionFen,
  isTaskMet,
  kolLevelFor,
  secondLevelEarner,
  withdrawalRefusal,
  wxacodeRefusal,
} from '../../mock/modules/distribution/rules'
import { refundableUntil, refundRefusal } from '../../mock/modules/orders/rules'
import { chainPeriods, couponMonthsDue, grantsDistribution, inForce } from '../../mock/modules/plans/rules'
import { apiCaller, createTestApp } from '../support/test-server'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = Date.parse('2030-05-10T10:00:00+08:00')

describe('arrivals through a code', () => {
  const facts = { memberId: 'fan', distributorId: 'kol', binding: null, distributorChain: [], nowMs: NOW }
  it.each([
    ['an unbound member', facts, null],
    ['the KOL through their own code', { ...facts, memberId: 'kol' }, 'own_code'],
    [
      'a member bound and protected',
      { ...facts, binding: { distributorId: 'x', protectedUntilMs: NOW + 1 } },
      'already_bound',
    ],
    [
      'a member bound to this very KOL',
      { ...facts, binding: { distributorId: 'kol', protectedUntilMs: NOW + 1 } },
      'already_bound',
    ],
    [
      'a member whose protection ended',
      { ...facts, binding: { distributorId: 'x', protectedUntilMs: NOW } },
      'window_over',
    ],
    ['a member above the KOL in the chain', { ...facts, distributorChain: ['mid', 'fan'] }, 'cycle'],
  ] as const)('%s: %s', (_label, input, refusal) => {
    expect(arrivalRefusal(input)).toBe(refusal)
  })
})

describe('who earns the commission', () => {
  const base = { buyerId: 'fan', binding: null, viaDistributorId: null, viaChain: [], nowMs: NOW }
  const boundTo = (distributorId: string, protectedUntilMs: number, holdsRights = true) => ({
    distributorId,
    protectedUntilMs,
    holdsRights,
  })
  it.each([
    ['nobody without a binding or link', base, null],
    ['the link KOL for an unbound buyer', { ...base, viaDistributorId: 'kol' }, 'kol'],
    [
      'the bound KOL while protected, whatever link',
      { ...base, binding: boundTo('a', NOW + 1), viaDistributorId: 'b' },
      'a',
    ],
    ['the link KOL once protection is over', { ...base, binding: boundTo('a', NOW), viaDistributorId: 'b' }, 'b'],
    [
      'the link KOL when the bound one lost the right',
      { ...base, binding: boundTo('a', NOW + 1, false), viaDistributorId: 'b' },
      'b',
    ],
    [
      'nobody when the bound KOL lost the right and there is no link',
      { ...base, binding: boundTo('a', NOW + 1, false) },
      null,
    ],
    ['nobody on the buyer own link', { ...base, viaDistributorId: 'fan' }, null],
    ['nobody below the buyer in the chain', { ...base, viaDistributorId: 'kol', viaChain: ['fan'] }, null],
  ] as const)('%s', (_label, input, earner) => {
    expect(commissionEarner(input)).toBe(earner)
  })

  it.each([
    ['nobody when the earner has no distributor', null, null],
    ['the earner’s distributor while protected and holding the right', boundTo('top', NOW + 1), 'top'],
    ['nobody once the earner’s protection is over', boundTo('top', NOW), null],
    ['nobody when the earner’s distributor lost the right', boundTo('top', NOW + 1, false), null],
    ['never the buyer', boundTo('fan', NOW + 1), null],
  ] as const)('level 2: %s', (_label, earnerBinding, upstream) => {
    expect(secondLevelEarner({ buyerId: 'fan', earnerBinding, nowMs: NOW })).toBe(upstream)
  })

  it('is 10% in whole fen, rounded down', () => {
    expect(commissionFen(19900, 1000)).toBe(1990)
    expect(commissionFen(19999, 1000)).toBe(1999)
    expect(commissionFen(9, 1000)).toBe(0)
  })
})

describe('KOL levels, the task, withdrawals, refunds', () => {
  const levels = [
    { code: 'K2', name: '人气达人', minFans: 50 },
    { code: 'K1', name: '新星达人', minFans: 10 },
    { code: 'K3', name: '金牌达人', minFans: 200 },
  ]
  it.each([
    [0, null, 'K1', 10],
    [10, 'K1', 'K2', 40],
    [199, 'K2', 'K3', 1],
    [200, 'K3', null, 0],
  ])('%i fans: level %s, next %s, %i to go', (fans, current, next, toNext) => {
    const level = kolLevelFor(fans, levels)
    expect([level.current?.code ?? null, level.next?.code ?? null, level.fansToNext]).toEqual([current, next, toNext])
  })

  it('the task needs both the streak and the level', () => {
    expect(isTaskMet({ streak: 7, streakTarget: 7, levelRank: 3, levelTarget: 3 })).toBe(true)
    expect(isTaskMet({ streak: 6, streakTarget: 7, levelRank: 5, levelTarget: 3 })).toBe(false)
    expect(isTaskMet({ streak: 30, streakTarget: 7, levelRank: 2, levelTarget: 3 })).toBe(false)
  })

  it.each([
    [999, false, 5000, 'below_minimum'],
    [1000, true, 5000, 'pending_exists'],
    [5001, false, 5000, 'above_withdrawable'],
    [5000, false, 5000, null],
  ])('withdrawing %i (pending: %s, withdrawable %i): %s', (amountFen, hasPending, withdrawableFen, refusal) => {
    expect(withdrawalRefusal({ amountFen, minFen: 1000, hasPending, withdrawableFen })).toBe(refusal)
  })

  it('a refund is possible only inside both windows, once', () => {
    const windows = { pendingDays: 7, settleDays: 5 }
    expect(refundableUntil(NOW, 7, 5)).toBe(NOW + 5 * DAY_MS)
    expect(refundRefusal({ status: 'paid', createdAtMs: NOW }, NOW + 5 * DAY_MS - 1, windows)).toBeNull()
    expect(refundRefusal({ status: 'paid', createdAtMs: NOW }, NOW + 5 * DAY_MS, windows)).toBe('window_over')
    expect(refundRefusal({ status: 'refunded', createdAtMs: NOW }, NOW, windows)).toBe('already_refunded')
  })
})

describe('the mini-program code', () => {
  const refusal = (scene: string, page = 'pages/home/index') =>
    wxacodeRefusal(scene, page, WXACODE_SCENE_MAX, WXACODE_SCENE_PATTERN)?.errcode ?? null
  it.each([
    ['r=LINA88', 'pages/home/index', null],
    ['r=LINA88', '', null],
    ['r=LINA88', 'packages/distribution/card/index', null],
    ['x'.repeat(32), 'pages/home/index', null],
    ['x'.repeat(33), 'pages/home/index', 40169],
    ['', 'pages/home/index', 40169],
    ['r=LI NA', 'pages/home/index', 40129],
    ['r="x"', 'pages/home/index', 40129],
    ['r=LINA88', 'pages/home/index?ref=LINA88', 41030],
    ['r=LINA88', '/pages/home/index', 41030],
    ['r=LINA88', 'https://evil.example/pages', 41030],
  ])('scene %j, page %j: %s', (scene, page, errcode) => {
    expect(refusal(scene, page)).toBe(errcode)
  })
})

describe('plan periods', () => {
  it('chain one after another; a refunded one takes no room', () => {
    const periods = [
      { orderId: 'a', purchasedAtMs: NOW, durationDays: 30, isRefunded: false },
      { orderId: 'b', purchasedAtMs: NOW + DAY_MS, durationDays: 90, isRefunded: false },
      { orderId: 'c', purchasedAtMs: NOW + 200 * DAY_MS, durationDays: 30, isRefunded: false },
    ]
    expect(chainPeriods(periods)).toEqual([
      { orderId: 'a', startsAtMs: NOW, endsAtMs: NOW + 30 * DAY_MS },
      { orderId: 'b', startsAtMs: NOW + 30 * DAY_MS, endsAtMs: NOW + 120 * DAY_MS },
      { orderId: 'c', startsAtMs: NOW + 200 * DAY_MS, endsAtMs: NOW + 230 * DAY_MS },
    ])
    expect(chainPeriods([{ ...periods[0]!, isRefunded: true }, periods[1]!])).toEqual([
      { orderId: 'b', startsAtMs: NOW + DAY_MS, endsAtMs: NOW + 91 * DAY_MS },
    ])
  })

  it('the one in force is started, not ended and not refunded', () => {
    const period = { startsAtMs: NOW, endsAtMs: NOW + DAY_MS, isRefunded: false }
    expect(inForce([period], NOW)).toBe(period)
    expect(inForce([period], NOW + DAY_MS)).toBeNull()
    expect(inForce([{ ...period, isRefunded: true }], NOW)).toBeNull()
  })

  it('owe a coupon for each begun month', () => {
    expect(couponMonthsDue(NOW, NOW + 90 * DAY_MS, NOW)).toEqual([0])
    expect(couponMonthsDue(NOW, NOW + 90 * DAY_MS, NOW + 60 * DAY_MS)).toEqual([0, 1, 2])
    expect(couponMonthsDue(NOW, NOW + 90 * DAY_MS, NOW + 400 * DAY_MS)).toEqual([0, 1, 2])
  })

  it('carry distribution rights only on H5, only where the config allows, never in the mini-program', () => {
    const plan = { grantsDistributionH5: true }
    expect(grantsDistribution(plan, 'h5', true)).toBe(true)
    expect(grantsDistribution(plan, 'h5', false)).toBe(false)
    expect(grantsDistribution(plan, 'weapp', true)).toBe(false)
    expect(grantsDistribution({ grantsDistributionH5: false }, 'h5', true)).toBe(false)
  })
})

describe('a config that opens the plan route on H5 (the server keeps the mini-program rule whatever it says)', () => {
  it('H5 buyers of the plan become distributors until a refund, and its price pays no commission; weapp buyers never do', async () => {
    const { app, db } = await createTestApp({
      config: (config) => ({
        ...config,
        distribution: { ...config.distribution, routes: { ...config.distribution.routes, plan: true } },
      }),
    })
    const call = apiCaller(app)
    const signIn = async (phone: string, ref?: string) =>
      v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).body).token
    // Both buyers are Lina's fans (the seeded KOL): what she earns on their plans is checked at the end.
    const h5 = await signIn('13911112222', 'LINA88')
    const weapp = await signIn('13911113333', 'LINA88')

    const statusH5 = v.parse(
      DistributionStatus,
      (await call('GET', '/distribution/status?client=h5', { token: h5 })).body,
    )
    expect(statusH5.plan).toEqual({ isOpen: true, planIds: ['plan-advanced-yearly'] })
    const statusWeapp = v.parse(
      DistributionStatus,
      (await call('GET', '/distribution/status?client=weapp', { token: weapp })).body,
    )
    expect(statusWeapp.plan).toEqual({ isOpen: false, planIds: [] })

    const bought = await call('POST', '/memberships/purchase', {
      token: h5,
      body: { planId: 'plan-advanced-yearly', client: 'h5' },
    })
    expect(bought.status).toBe(201)
    expect(v.parse(Member, (await call('GET', '/me', { token: h5 })).body).isDistributor).toBe(true)
    const weappOrderId = v.parse(
      Purchase,
      (
        await call('POST', '/memberships/purchase', {
          token: weapp,
          body: { planId: 'plan-advanced-yearly', client: 'weapp' },
        })
      ).body,
    ).order.id
    expect(v.parse(Member, (await call('GET', '/me', { token: weapp })).body).isDistributor).toBe(false)

    const orderId = v.parse(Purchase, bought.body).order.id
    // The new distributor's own fan, who buys once while the right holds and once after the refund took it back.
    const code = v.parse(DistributionStatus, (await call('GET', '/distribution/status?client=h5', { token: h5 })).body)
    const fan = await signIn('13911114444', code.referralCode ?? '')
    const whileKol = (await call('POST', '/orders', { token: fan, body: { productId: 'p-serum' } })).body as {
      id: string
    }
    expect((await call('POST', `/orders/${orderId}/refund`, { token: h5 })).status).toBe(200)
    expect(v.parse(Member, (await call('GET', '/me', { token: h5 })).body)).toMatchObject({
      isDistributor: false,
      membership: null,
    })
    const afterRefund = (await call('POST', '/orders', { token: fan, body: { productId: 'p-serum' } })).body as {
      id: string
    }

    const rows = await db.transaction((sql) =>
      sql.query<{ orderId: string; distributorId: string; amountFen: number }>(
        `SELECT order_id AS "orderId", distributor_id AS "distributorId", amount_fen AS "amountFen"
         FROM commissions WHERE order_id = ANY($1) ORDER BY created_at, order_id`,
        [[orderId, weappOrderId, whileKol.id, afterRefund.id]],
      ),
    )
    const me = v.parse(Member, (await call('GET', '/me', { token: h5 })).body)
    expect(rows).toEqual([
      // The price of the right pays Lina nothing (no paid entry to distribution); the weapp plan (no right) does.
      { orderId: weappOrderId, distributorId: 'm-kol', amountFen: 2580 },
      { orderId: whileKol.id, distributorId: me.id, amountFen: 1990 },
      // Once the right is taken back, its holder earns nothing more.
    ])
  })
})

describe('two commission levels (only where the config says so)', () => {
  const run = async (levels: 1 | 2) => {
    const { app } = await createTestApp({
      config: (config) => ({ ...config, distribution: { ...config.distribution, commissionLevels: levels } }),
    })
    const call = apiCaller(app)
    const signIn = async (phone: string, ref?: string) =>
      v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).body)
    const distribute = async (token: string) =>
      v.parse(
        DistributionStatus,
        (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
      ).referralCode ?? ''
    const top = await signIn('13922220001')
    const middle = await signIn('13922220002', await distribute(top.token))
    const fan = await signIn('13922220003', await distribute(middle.token))
    const order = (await call('POST', '/orders', { token: fan.token, body: { productId: 'p-serum' } })).body as {
      id: string
    }
    const commissionsOf = async (token: string) =>
      (
        (await call('GET', '/distribution/commissions', { token })).body as {
          items: { level: number; amountFen: number; status: string }[]
        }
      ).items
    const before = { middle: await commissionsOf(middle.token), top: await commissionsOf(top.token) }
    await call('POST', `/orders/${order.id}/refund`, { token: fan.token })
    return { before, after: { middle: await commissionsOf(middle.token), top: await commissionsOf(top.token) } }
  }

  it('one level by default: only the fan’s distributor earns', async () => {
    const { before, after } = await run(1)
    expect(before.middle).toEqual([expect.objectContaining({ level: 1, amountFen: 1990, status: 'pending' })])
    expect(before.top).toEqual([])
    expect(after.middle).toEqual([expect.objectContaining({ status: 'reversed' })])
  })

  it('two levels: the distributor’s own distributor earns the second level, and a refund reverses both', async () => {
    const { before, after } = await run(2)
    expect(before.middle).toEqual([expect.objectContaining({ level: 1, amountFen: 1990, status: 'pending' })])
    expect(before.top).toEqual([expect.objectContaining({ level: 2, amountFen: 597, status: 'pending' })])
    expect([...after.middle, ...after.top].map((item) => item.status)).toEqual(['reversed', 'reversed'])
  })

  it('two levels: an order through a KOL’s post by their downline’s fan is counted as paying them the second level', async () => {
    const { app } = await createTestApp({
      config: (config) => ({ ...config, distribution: { ...config.distribution, commissionLevels: 2 } }),
    })
    const call = apiCaller(app)
    const signIn = async (phone: string, ref?: string) =>
      v.parse(SignedIn, (await call('POST', '/auth/phone', { body: { phone, smsCode: '123456', ref } })).body)
    const distribute = async (token: string) =>
      v.parse(
        DistributionStatus,
        (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
      ).referralCode ?? ''
    const top = await signIn('13922220011')
    const topCode = await distribute(top.token)
    const middle = await signIn('13922220012', topCode)
    const fan = await signIn('13922220013', await distribute(middle.token))
    const post = (await call('POST', '/posts', { token: top.token, body: { text: '精华分享', productId: 'p-serum' } }))
      .body as { id: string }
    const bought = await call('POST', '/orders', {
      token: fan.token,
      body: { productId: 'p-serum', ref: topCode, postId: post.id },
    })
    expect(bought.status).toBe(201)
    const stats = (await call('GET', '/distribution/posts', { token: top.token })).body as {
      items: { post: { id: string } }[]
    }
    expect(stats.items.find((row) => row.post.id === post.id)).toMatchObject({
      orderCount: 1,
      creditedOrderCount: 1,
      otherKolOrderCount: 0,
      secondLevelOrderCount: 1,
      commissionFen: 597,
    })
  })
})

describe('referral codes', () => {
  it.each([4, 8])('have the config’s length (%i), which fits the mini-program code’s scene', async (length) => {
    const { app } = await createTestApp({
      config: (config) => ({ ...config, distribution: { ...config.distribution, referralCodeLength: length } }),
    })
    const call = apiCaller(app)
    const signedIn = await call('POST', '/auth/phone', { body: { phone: '13933330001', smsCode: '123456' } })
    const { token } = v.parse(SignedIn, signedIn.body)
    const status = v.parse(
      DistributionStatus,
      (await call('POST', '/distribution/apply', { token, body: { route: 'invite_code', code: 'FANKOL2026' } })).body,
    )
    expect(status.referralCode).toMatch(new RegExp(`^[A-Z2-9]{${length}}$`))
    expect(`r=${status.referralCode}`.length).toBeLessThanOrEqual(32)
  })
})
