import { CommissionPage, DistributionStatus, Me, Purchase, WithdrawalPage } from './support/distribution-schemas'
import type { Post } from '../../src/contract/all'
import type { ApiClient, ApiResponse, RequestOptions } from './support/client'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  newKey,
  signInAsPersona,
  signUp,
} from './support/client'
import { createPost } from './support/community'
import { buy, commissionsOf, overviewOf, refund, withdraw, withdrawOk } from './support/distribution'
import { createTestApp } from '../support/test-server'

// A former distributor (domain-rules.md, Distribution and KOLs): the right taken back (here the H5 plan that carried
// it, refunded) ends what works the right (card, fans, arrivals, 分享赚 posts, new bindings, new commission), not the
// money already earned: they still see their commission and withdraw the settled balance on the usual terms.
// Only a config with the plan route open makes one, so that part runs in-process on an app of its own (as
// auth-limits); the never-distributor part runs wherever the suite runs.

/** The suite's ApiClient over an in-process app of this file's own (its config), for the support helpers. */
const clientOf = (fetchApp: (request: Request) => Promise<Response>): ApiClient => ({
  baseUrl: 'http://mock.test/api/v1',
  isInProcess: true,
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers = new Headers(options.headers)
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`)
    if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey)
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
    if (payload !== undefined) headers.set('Content-Type', 'application/json')
    const response = await fetchApp(new Request(`http://mock.test/api/v1${path}`, { method, headers, body: payload }))
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T, text }
  },
})

const planRouteOpen = () =>
  createTestApp({
    config: (config) => ({
      ...config,
      distribution: { ...config.distribution, routes: { ...config.distribution.routes, plan: true } },
    }),
  })

const statusOf = async (api: ApiClient, token: string) =>
  expectShape(DistributionStatus, (await api.request('GET', '/distribution/status?client=h5', { token })).body)

const withdrawalsOf = async (api: ApiClient, token: string) =>
  expectShape(WithdrawalPage, (await api.request('GET', '/distribution/withdrawals', { token })).body).items

const refusalOf = async (response: ApiResponse) =>
  expectError(response, 409, 'WITHDRAWAL_NOT_ALLOWED').error.details?.reason

describe('a former distributor keeps the commission they earned', () => {
  it('sees it and withdraws it after the plan that carried the right is refunded; the tools stay off', async () => {
    const testApp = await planRouteOpen()
    const api = clientOf(async (request) => testApp.app.fetch(request))

    // A KOL by the H5 plan, a fan bound through their code who buys two serums (3,980 fen commission, pending).
    const kol = await signUp(api)
    const bought = await api.request('POST', '/memberships/purchase', {
      token: kol.token,
      body: { planId: 'plan-advanced-yearly', client: 'h5' },
      idempotencyKey: newKey(),
    })
    expect(bought.status).toBe(201)
    const code = (await statusOf(api, kol.token)).referralCode ?? ''
    expect(code).not.toBe('')
    const fan = await signUp(api, { ref: code })
    const order = await buy(api, fan.token, { productId: 'p-serum', quantity: 2 })
    expect((await commissionsOf(api, kol.token)).map((item) => [item.orderId, item.amountFen])).toEqual([
      [order.id, 3980],
    ])

    // Their 分享赚 post carries their code while they distribute (a share of it binds to them)...
    const earnPost = (await createPost(api, kol.token, { text: '挂个精华', productId: 'p-serum' })).body as Post
    const shareRefOf = async () => ((await api.request('GET', `/posts/${earnPost.id}`)).body as Post).authorReferralCode
    expect(await shareRefOf()).toBe(code)

    // The refund takes the right back.
    expect((await refund(api, kol.token, expectShape(Purchase, bought.body).order.id)).status).toBe(200)
    // ...and no longer once they do not: a share of it would bind nobody.
    expect(await shareRefOf()).toBeNull()
    // /me no longer hands out the code either: a weapp share would carry a code that binds nobody.
    expect(expectShape(Me, (await api.request('GET', '/me', { token: kol.token })).body)).toMatchObject({
      isDistributor: false,
      referralCode: null,
    })
    expect(await statusOf(api, kol.token)).toMatchObject({
      isDistributor: false,
      hasEarnings: true,
      referralCode: null,
    })

    // Still pending: seen, not yet withdrawable.
    expect((await overviewOf(api, kol.token)).commission).toMatchObject({ pendingFen: 3980, withdrawableFen: 0 })
    expect(await refusalOf(await withdraw(api, kol.token, 1000))).toBe('above_withdrawable')

    // No new commission: the fan's next order pays the former KOL nothing.
    await buy(api, fan.token, { productId: 'p-serum' })
    expect(await commissionsOf(api, kol.token)).toHaveLength(1)

    // Settled after the window: the overview, the list and a withdrawal on the usual terms.
    expect((await api.request('POST', '/__mock/clock', { body: { advanceDays: 8 } })).status).toBe(200)
    const overview = await overviewOf(api, kol.token)
    expect(overview).toMatchObject({
      referralCode: '',
      commission: { pendingFen: 0, settledFen: 3980, withdrawableFen: 3980 },
      withdrawMinFen: 1000,
    })
    expect(
      expectShape(
        CommissionPage,
        (await api.request('GET', '/distribution/commissions?status=settled', { token: kol.token })).body,
      ).items.map((item) => item.orderId),
    ).toEqual([order.id])
    expect(await refusalOf(await withdraw(api, kol.token, 999))).toBe('below_minimum')
    expect(await refusalOf(await withdraw(api, kol.token, 3981))).toBe('above_withdrawable')
    expectError(await withdraw(api, kol.token, 1000.5), 400, 'VALIDATION_FAILED')
    const withdrawal = await withdrawOk(api, kol.token, 2000)
    expect(withdrawal).toMatchObject({ amountFen: 2000, status: 'requested' })
    expect(await refusalOf(await withdraw(api, kol.token, 1000))).toBe('pending_exists')
    expect((await withdrawalsOf(api, kol.token)).map((item) => item.id)).toEqual([withdrawal.id])
    expect((await overviewOf(api, kol.token)).commission).toMatchObject({
      withdrawingFen: 2000,
      withdrawableFen: 1980,
    })

    // What works the right stays refused: the card and its code, fans, arrivals, a 分享赚 post, new bindings.
    for (const path of ['/distribution/card', '/distribution/fans', '/distribution/arrivals'])
      expectError(await api.request('GET', path, { token: kol.token }), 403, 'NOT_DISTRIBUTOR')
    expectError(
      await createPost(api, kol.token, { text: '还想挂个商品', productId: 'p-serum' }),
      403,
      'NOT_DISTRIBUTOR',
    )
    const newcomer = await signUp(api)
    const arrival = await api.request('POST', '/distribution/arrivals', {
      token: newcomer.token,
      body: { code, source: 'link' },
      idempotencyKey: newKey(),
    })
    expect(arrival.body).toMatchObject({ isBound: false, reason: 'unknown_code', distributor: null })
  })

  it('a former distributor who never earned anything has no money routes (403 as any member)', async () => {
    const testApp = await planRouteOpen()
    const api = clientOf(async (request) => testApp.app.fetch(request))
    const member = await signUp(api)
    const bought = await api.request('POST', '/memberships/purchase', {
      token: member.token,
      body: { planId: 'plan-advanced-yearly', client: 'h5' },
      idempotencyKey: newKey(),
    })
    expect((await statusOf(api, member.token)).isDistributor).toBe(true)
    expect((await refund(api, member.token, expectShape(Purchase, bought.body).order.id)).status).toBe(200)
    expect(await statusOf(api, member.token)).toMatchObject({ isDistributor: false, hasEarnings: false })
    for (const path of ['/distribution/overview', '/distribution/commissions'])
      expectError(await api.request('GET', path, { token: member.token }), 403, 'NOT_DISTRIBUTOR')
    expectError(await withdraw(api, member.token, 1000), 403, 'NOT_DISTRIBUTOR')
  })
})

describeWithMockRoutes('hasEarnings in the rights status', () => {
  const api = createApiClient()

  it('is false for a member who never distributed, whose money routes stay 403 NOT_DISTRIBUTOR', async () => {
    const member = await signUp(api)
    expect(await statusOf(api, member.token)).toMatchObject({ isDistributor: false, hasEarnings: false })
    for (const path of ['/distribution/overview', '/distribution/commissions'])
      expectError(await api.request('GET', path, { token: member.token }), 403, 'NOT_DISTRIBUTOR')
    expectError(await withdraw(api, member.token, 1000), 403, 'NOT_DISTRIBUTOR')
    expect(await withdrawalsOf(api, member.token)).toEqual([])
  })

  it('is true for the seeded KOL, who earns and distributes', async () => {
    const kol = await signInAsPersona(api, 'kol-distributor')
    expect(await statusOf(api, kol.token)).toMatchObject({ isDistributor: true, hasEarnings: true })
  })
})
