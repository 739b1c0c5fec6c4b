import { ArrivalPage, CommissionPage, FanPage, OrderPage, WithdrawalPage } from './support/distribution-schemas'
import {
  createApiClient,
  expectError,
  expectShape,
  signInAsPersona,
  describeWithMockRoutes,
  signUp,
} from './support/client'
import { becomeDistributor, buy } from './support/distribution'

const api = createApiClient()

describeWithMockRoutes("member B cannot see A's fans, commissions or withdrawals", () => {
  it('every list answers only the asking member’s own rows', async () => {
    // A: the seeded KOL with fans, commission and a withdrawal.
    const a = await signInAsPersona(api, 'kol-distributor')
    const aFans = expectShape(
      FanPage,
      (await api.request('GET', '/distribution/fans?limit=50', { token: a.token })).body,
    )
    expect(aFans.items.length).toBeGreaterThan(0)
    expect(
      expectShape(CommissionPage, (await api.request('GET', '/distribution/commissions', { token: a.token })).body)
        .items.length,
    ).toBeGreaterThan(0)
    expect(
      expectShape(WithdrawalPage, (await api.request('GET', '/distribution/withdrawals', { token: a.token })).body)
        .items.length,
    ).toBeGreaterThan(0)

    // B: a distributor of their own with nothing yet.
    const b = await signUp(api)
    await becomeDistributor(api, b.token)
    for (const [path, schema] of [
      ['/distribution/fans', FanPage],
      ['/distribution/commissions', CommissionPage],
      ['/distribution/withdrawals', WithdrawalPage],
      ['/distribution/arrivals', ArrivalPage],
      ['/orders', OrderPage],
    ] as const) {
      // Query parameters naming A change nothing: there is no way to ask for someone else's list.
      const response = await api.request('GET', `${path}?memberId=${a.member.id}&distributorId=${a.member.id}`, {
        token: b.token,
      })
      if (response.status === 200) expect(expectShape(schema, response.body).items).toEqual([])
      else expectError(response, 400, 'VALIDATION_FAILED')
      expect(expectShape(schema, (await api.request('GET', path, { token: b.token })).body).items).toEqual([])
    }
    // A's fan's order is not B's to read or refund.
    const fanOrder = (await api.request('GET', '/distribution/commissions', { token: a.token })).body as {
      items: { orderId: string }[]
    }
    const orderId = fanOrder.items[0]?.orderId ?? 'none'
    expectError(await api.request('GET', `/orders/${orderId}`, { token: b.token }), 404, 'NOT_FOUND')
    // And without a token: nothing at all.
    for (const path of ['/distribution/fans', '/distribution/commissions', '/distribution/withdrawals', '/orders'])
      expectError(await api.request('GET', path), 401, 'UNAUTHORIZED')
  })

  it("B's own order through A's link shows in A's commissions, never B's identity beyond the nickname", async () => {
    const a = await signUp(api)
    const code = await becomeDistributor(api, a.token)
    const b = await signUp(api, { ref: code })
    await buy(api, b.token, { productId: 'p-cleanser', ref: code })
    const [commission] = expectShape(
      CommissionPage,
      (await api.request('GET', '/distribution/commissions', { token: a.token })).body,
    ).items
    expect(commission?.buyerNickname).toBe(b.member.nickname)
    expect(JSON.stringify(commission)).not.toContain(b.phone)
  })
})
