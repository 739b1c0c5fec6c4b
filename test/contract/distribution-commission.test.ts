import { Order } from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { becomeDistributor, buy, commissionsOf, overviewOf, refund } from './support/distribution'
import { meOf, summaryOf } from './support/membership'

const api = createApiClient()
// Commission settles, and the refund window closes, by the mock clock.
lockMockClock(api)

const kolWithFan = async () => {
  const kol = await signUp(api)
  const code = await becomeDistributor(api, kol.token)
  const fan = await signUp(api, { ref: code })
  return { kol, code, fan }
}

describeWithMockRoutes('commission on an order through a KOL link', () => {
  it('is pending at 10% with a settle date 7 days on, and settles once the mock clock moves 7 days', async () => {
    const { kol, code, fan } = await kolWithFan()
    const order = await buy(api, fan.token, { productId: 'p-serum', quantity: 2, ref: code })
    expect(order).toMatchObject({ kind: 'product', status: 'paid', ref: code, amountFen: 39800, points: 398 })
    expect(order.isRefundable).toBe(true)
    const [commission] = await commissionsOf(api, kol.token)
    expect(commission).toMatchObject({ orderId: order.id, level: 1, amountFen: 3980, status: 'pending' })
    expect(Date.parse(commission?.settlesAt ?? '') - Date.parse(order.createdAt)).toBe(7 * 24 * 60 * 60 * 1000)
    expect((await overviewOf(api, kol.token)).commission).toMatchObject({
      todayFen: 3980,
      pendingFen: 3980,
      settledFen: 0,
      withdrawableFen: 0,
    })

    await advanceClock(api, { advanceDays: 6 })
    expect((await commissionsOf(api, kol.token))[0]?.status).toBe('pending')
    await advanceClock(api, { advanceDays: 1 })
    expect((await commissionsOf(api, kol.token))[0]?.status).toBe('settled')
    expect((await overviewOf(api, kol.token)).commission).toMatchObject({
      pendingFen: 0,
      settledFen: 3980,
      withdrawableFen: 3980,
      todayFen: 0,
    })
    // Past the window, by the server's clock, the order says so, and a refund is refused; the commission stays settled.
    const read = await api.request('GET', `/orders/${order.id}`, { token: fan.token })
    expect(expectShape(Order, read.body)).toMatchObject({ status: 'paid', isRefundable: false })
    expectError(await refund(api, fan.token, order.id), 409, 'REFUND_NOT_ALLOWED')
    expect((await commissionsOf(api, kol.token))[0]?.status).toBe('settled')
    // The buyer's points left the pending window and are in the balance.
    expect(await summaryOf(api, fan.token)).toMatchObject({ balance: 398, pending: 0 })
  })

  it('says, where it says it (origin is optional), that the buyer is the KOL’s fan and through what', async () => {
    const { kol, code, fan } = await kolWithFan()
    const order = await buy(api, fan.token, { productId: 'p-serum', ref: code })
    const commission = (await commissionsOf(api, kol.token)).find((row) => row.orderId === order.id)
    expect(commission).toBeDefined()
    // A backend that leaves it out answers no origin at all; the mock answers it.
    if (commission?.origin !== undefined || !process.env.API_BASE_URL)
      expect(commission?.origin).toEqual({ kind: 'fan', source: 'link', post: null, downlineNickname: null })
  })

  it("counts as today's only what was earned on today's business day (a clock set back in preview included)", async () => {
    const { kol, code, fan } = await kolWithFan()
    await buy(api, fan.token, { productId: 'p-serum', ref: code })
    expect((await overviewOf(api, kol.token)).commission.todayFen).toBe(1990)
    // An operator looks at the program as it was two days ago: the order has not happened yet on that day.
    await advanceClock(api, { advanceDays: -2 })
    expect((await overviewOf(api, kol.token)).commission.todayFen).toBe(0)
    await advanceClock(api, { advanceDays: 2 })
  })

  it('a refund before it settles reverses commission, pending points and growth', async () => {
    const { kol, code, fan } = await kolWithFan()
    const growthBefore = (await meOf(api, fan.token)).growth
    const order = await buy(api, fan.token, { productId: 'p-giftbox', ref: code })
    expect((await meOf(api, fan.token)).growth).toBe(growthBefore + 299)
    expect(await summaryOf(api, fan.token)).toMatchObject({ pending: 299 })
    await advanceClock(api, { advanceDays: 3 })

    const response = await refund(api, fan.token, order.id)
    expect(response.status).toBe(200)
    expect(expectShape(Order, response.body)).toMatchObject({ status: 'refunded', points: 0, growth: 0 })
    const [commission] = await commissionsOf(api, kol.token)
    expect(commission).toMatchObject({ orderId: order.id, status: 'reversed', amountFen: 2990 })
    expect(commission?.reversedAt).not.toBeNull()
    expect((await meOf(api, fan.token)).growth).toBe(growthBefore)
    expect(await summaryOf(api, fan.token)).toMatchObject({ pending: 0 })

    // Moving past the settle date settles nothing and releases no points.
    await advanceClock(api, { advanceDays: 5 })
    expect((await commissionsOf(api, kol.token))[0]?.status).toBe('reversed')
    expect((await overviewOf(api, kol.token)).commission).toMatchObject({ settledFen: 0, reversedFen: 2990 })
    expect(await summaryOf(api, fan.token)).toMatchObject({ balance: 0, pending: 0 })
  })

  it('concurrent refunds of one order reverse it once', async () => {
    const { kol, code, fan } = await kolWithFan()
    const growthBefore = (await meOf(api, fan.token)).growth
    const order = await buy(api, fan.token, { productId: 'p-sunscreen', ref: code })
    const responses = await Promise.all(Array.from({ length: 12 }, () => refund(api, fan.token, order.id)))
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1)
    for (const response of responses.filter((candidate) => candidate.status !== 200)) {
      const body = expectError(response, 409, 'REFUND_NOT_ALLOWED')
      expect(body.error.details?.reason).toBe('already_refunded')
    }
    expect((await meOf(api, fan.token)).growth).toBe(growthBefore)
    expect((await commissionsOf(api, kol.token)).map((item) => item.status)).toEqual(['reversed'])
    // The same key replays the one refund's answer.
    const key = newKey()
    const second = await buy(api, fan.token, { productId: 'p-cleanser', ref: code })
    const [a, b] = await Promise.all([refund(api, fan.token, second.id, key), refund(api, fan.token, second.id, key)])
    expect([a?.status, b?.status]).toEqual([200, 200])
    expect((await meOf(api, fan.token)).growth).toBe(growthBefore)
  })

  it('an order through a 分享赚 post pays the post author', async () => {
    const { kol } = await kolWithFan()
    const posted = await api.request('POST', '/posts', {
      token: kol.token,
      body: { text: '这瓶精华我回购三次了，分享给大家', productId: 'p-serum' },
      idempotencyKey: newKey(),
    })
    expect(posted.status).toBe(201)
    const postId = (posted.body as { id: string }).id
    const buyer = await signUp(api)
    const order = await buy(api, buyer.token, { productId: 'p-serum', postId })
    expect(order.postId).toBe(postId)
    expect((await commissionsOf(api, kol.token)).map((item) => [item.orderId, item.status])).toContainEqual([
      order.id,
      'pending',
    ])
    // The buyer arrived through the post: bound to its author with source post.
    const fans = (await api.request('GET', '/distribution/fans', { token: kol.token })).body as {
      items: { member: { id: string }; source: string }[]
    }
    expect(fans.items.find((item) => item.member.id === buyer.member.id)?.source).toBe('post')
    // A post that does not carry this product is refused.
    const wrong = await api.request('POST', '/orders', {
      token: buyer.token,
      body: { productId: 'p-cleanser', postId },
      idempotencyKey: newKey(),
    })
    expectError(wrong, 400, 'VALIDATION_FAILED')
  })

  it("an order without a distributor earns no commission; another member's order is 404", async () => {
    const buyer = await signUp(api)
    const other = await signUp(api)
    const order = await buy(api, buyer.token, { productId: 'p-cleanser' })
    expect(order).toMatchObject({ ref: null, points: 89, growth: 89 })
    expectError(await api.request('GET', `/orders/${order.id}`, { token: other.token }), 404, 'NOT_FOUND')
    expectError(await refund(api, other.token, order.id), 404, 'NOT_FOUND')
    expectError(
      await api.request('POST', '/orders', {
        token: buyer.token,
        body: { productId: 'p-none' },
        idempotencyKey: newKey(),
      }),
      404,
      'NOT_FOUND',
    )
  })
})
