// One buying intent is one order however many times it arrives (a double tap, a retry after a lost answer): the
// same Idempotency-Key replays the first answer. A deliberate second order of the same product is a new intent with
// its own key, and the server takes it.
import { Order, OrderPage } from '../../src/contract/all'
import { createApiClient, describeWithMockRoutes, expectShape, newKey, signUp } from './support/client'
import { orderRequest } from './support/distribution'

const api = createApiClient()

const ordersOf = async (token: string) =>
  expectShape(OrderPage, (await api.request('GET', '/orders?limit=50', { token })).body).items

describeWithMockRoutes('POST /orders: one intent, one key', () => {
  it('pays once for one key sent many times at once, every answer alike', async () => {
    const { token } = await signUp(api)
    const key = newKey()
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => orderRequest(api, token, { productId: 'p-serum' }, key)),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201))
    for (const response of responses) expect(response.body).toEqual(responses[0]?.body)
    expect(await ordersOf(token)).toHaveLength(1)
  })

  it('takes a deliberate second order of the same product under a new key', async () => {
    const { token } = await signUp(api)
    const first = await orderRequest(api, token, { productId: 'p-serum' }, newKey())
    const second = await orderRequest(api, token, { productId: 'p-serum' }, newKey())
    expect([first.status, second.status]).toEqual([201, 201])
    expect(expectShape(Order, second.body).id).not.toBe(expectShape(Order, first.body).id)
    expect(await ordersOf(token)).toHaveLength(2)
  })
})
