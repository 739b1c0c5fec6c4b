// A product order says where its parcel is, by the server's clock (README, The contract): pending shipment until its
// ship-by time, shipped at it, apart from the payment's status; a refund before it shipped means it never ships.
// The exact one-second edges are test/mock/order-shipping.test.ts (a pinned clock); here any backend, by the hour.
import { Order } from './support/distribution-schemas'
import { createApiClient, describeWithMockRoutes, expectShape, signUp } from './support/client'
import { advanceClock, lockMockClock } from './support/clock'
import { buy, refund } from './support/distribution'

const api = createApiClient()
lockMockClock(api)

const orderOf = async (token: string, id: string) =>
  expectShape(Order, (await api.request('GET', `/orders/${id}`, { token })).body)

describeWithMockRoutes('a product order’s parcel, by the server’s clock', () => {
  it('pending shipment until its ship-by time, then shipped at it; still paid and refundable', async () => {
    const { token } = await signUp(api)
    const order = await buy(api, token, { productId: 'p-serum' })
    expect(order).toMatchObject({
      status: 'paid',
      shippingStatus: 'pending_shipment',
      shippedAt: null,
      completedAt: null,
    })

    await advanceClock(api, { advanceHours: 47 })
    expect(await orderOf(token, order.id)).toMatchObject({ shippingStatus: 'pending_shipment', shippedAt: null })
    await advanceClock(api, { advanceHours: 1 })
    const shipped = await orderOf(token, order.id)
    expect(shipped).toMatchObject({ status: 'paid', shippingStatus: 'shipped', completedAt: null, isRefundable: true })
    expect(shipped.shippedAt === null ? null : Date.parse(shipped.shippedAt)).toBe(Date.parse(order.shipBy ?? ''))
  })

  it('refunded before it shipped, it never ships', async () => {
    const { token } = await signUp(api)
    const order = await buy(api, token, { productId: 'p-serum' })
    const refunded = await refund(api, token, order.id)
    expect(refunded.status).toBe(200)
    expect(expectShape(Order, refunded.body)).toMatchObject({
      status: 'refunded',
      shippingStatus: null,
      shippedAt: null,
    })
    await advanceClock(api, { advanceHours: 72 })
    expect(await orderOf(token, order.id)).toMatchObject({ shippingStatus: null, shippedAt: null, completedAt: null })
  })
})
