import * as v from 'valibot'
import { Order, OrderPage, Purchase, Redemption, SignedIn } from '../../src/contract/all'
import type { Hono } from 'hono'
import type { ApiCall } from '../support/test-server'
import { apiCaller, createTestApp } from '../support/test-server'

// A product order's parcel by the server's clock (the mock clock moved through /__mock/clock), at the exact edges:
// the real clock is pinned, so "one second before ship-by" is one second before, however slow the machine.
const NOW = Date.parse('2030-03-12T15:00:00+08:00')
const SECOND_MS = 1000
const HOUR_MS = 60 * 60 * SECOND_MS
const DAY_MS = 24 * HOUR_MS

let app: Hono
let call: ApiCall

beforeEach(async () => {
  ;({ app } = await createTestApp({ realNow: () => NOW }))
  call = apiCaller(app)
})

const signIn = async (): Promise<string> =>
  v.parse(SignedIn, (await call('POST', '/__mock/persona', { body: { id: 'new-member' } })).body).token

const buy = async (token: string): Promise<Order> => {
  const response = await call('POST', '/orders', { token, body: { productId: 'p-serum' } })
  expect(response.status).toBe(201)
  return v.parse(Order, response.body)
}

/** The mock clock to an exact instant (the real clock is pinned at NOW). */
const clockAt = async (ms: number) => {
  const response = await call('POST', '/__mock/clock', { body: { set: new Date(ms).toISOString() } })
  expect(response.status).toBe(200)
}

const orderOf = async (token: string, id: string): Promise<Order> =>
  v.parse(Order, (await call('GET', `/orders/${id}`, { token })).body)

const shippingOf = (order: Order) => ({
  shippingStatus: order.shippingStatus,
  shippedAt: order.shippedAt === null ? null : Date.parse(order.shippedAt),
  completedAt: order.completedAt === null ? null : Date.parse(order.completedAt),
})

describe('a product order ships by the server’s clock', () => {
  it('pending until its ship-by time (48 h), shipped at it, completed 7 days later; the list says the same', async () => {
    const token = await signIn()
    const order = await buy(token)
    const shipByMs = Date.parse(order.shipBy ?? '')
    expect(shipByMs - NOW).toBe(48 * HOUR_MS)
    expect(shippingOf(order)).toEqual({ shippingStatus: 'pending_shipment', shippedAt: null, completedAt: null })

    await clockAt(shipByMs - SECOND_MS)
    expect(shippingOf(await orderOf(token, order.id))).toEqual({
      shippingStatus: 'pending_shipment',
      shippedAt: null,
      completedAt: null,
    })

    await clockAt(shipByMs)
    const shipped = await orderOf(token, order.id)
    expect(shippingOf(shipped)).toEqual({ shippingStatus: 'shipped', shippedAt: shipByMs, completedAt: null })
    // The payment's state is still the payment's, and a shipped order is still inside its refund window.
    expect(shipped).toMatchObject({ status: 'paid', isRefundable: true })
    const [listed] = v.parse(OrderPage, (await call('GET', '/orders', { token })).body).items
    expect(listed).toMatchObject({ id: order.id, shippingStatus: 'shipped', shippedAt: shipped.shippedAt })

    await clockAt(shipByMs + 7 * DAY_MS - SECOND_MS)
    expect((await orderOf(token, order.id)).shippingStatus).toBe('shipped')
    await clockAt(shipByMs + 7 * DAY_MS)
    expect(shippingOf(await orderOf(token, order.id))).toEqual({
      shippingStatus: 'completed',
      shippedAt: shipByMs,
      completedAt: shipByMs + 7 * DAY_MS,
    })

    // The operator moves the clock back: the parcel goes back with it (computed, never stored).
    await clockAt(shipByMs - SECOND_MS)
    expect((await orderOf(token, order.id)).shippingStatus).toBe('pending_shipment')
  })

  it('with a plan’s priority shipping: 24 h, one second before still pending, shipped at it', async () => {
    const token = await signIn()
    const purchase = await call('POST', '/memberships/purchase', {
      token,
      body: { planId: 'plan-advanced-monthly', client: 'h5' },
    })
    expect(purchase.status).toBe(201)
    // The plan's own order ships nothing.
    expect(v.parse(Purchase, purchase.body).order).toMatchObject({
      shippingStatus: null,
      shippedAt: null,
      completedAt: null,
    })
    const order = await buy(token)
    expect(order.priorityShipping).toBe(true)
    const shipByMs = Date.parse(order.shipBy ?? '')
    expect(shipByMs - NOW).toBe(24 * HOUR_MS)

    await clockAt(shipByMs - SECOND_MS)
    expect((await orderOf(token, order.id)).shippingStatus).toBe('pending_shipment')
    await clockAt(shipByMs)
    expect(shippingOf(await orderOf(token, order.id))).toEqual({
      shippingStatus: 'shipped',
      shippedAt: shipByMs,
      completedAt: null,
    })
  })

  it('refunded before its ship-by time it never ships; refunded after, it stays shipped as it was', async () => {
    const token = await signIn()
    const early = await buy(token)
    const late = await buy(token)
    const shipByMs = Date.parse(early.shipBy ?? '')

    await clockAt(shipByMs - SECOND_MS)
    const refundedEarly = v.parse(Order, (await call('POST', `/orders/${early.id}/refund`, { token })).body)
    expect(refundedEarly).toMatchObject({ status: 'refunded', shippingStatus: null, shippedAt: null })

    await clockAt(shipByMs + HOUR_MS)
    const refundedLate = v.parse(Order, (await call('POST', `/orders/${late.id}/refund`, { token })).body)
    expect(refundedLate).toMatchObject({ status: 'refunded', shippingStatus: 'shipped', shippedAt: late.shipBy })

    // Days later: the early one still never shipped, the late one is not completed after its refund.
    await clockAt(shipByMs + 30 * DAY_MS)
    expect(shippingOf(await orderOf(token, early.id))).toEqual({
      shippingStatus: null,
      shippedAt: null,
      completedAt: null,
    })
    expect(shippingOf(await orderOf(token, late.id))).toEqual({
      shippingStatus: 'shipped',
      shippedAt: Date.parse(late.shipBy ?? ''),
      completedAt: null,
    })
  })

  it('a gift parcel made at the same time ships at the same instant: one rule for both', async () => {
    const token = await signIn()
    await call('POST', '/__mock/grant', { token, body: { points: 5000 } })
    const address = (await call('POST', '/addresses', {
      token,
      body: { name: '张三', phone: '13800138000', region: ['上海市', '上海市', '浦东新区'], detail: '世纪大道 100 号' },
    })) as { status: number; body: { id: string } }
    expect(address.status).toBe(201)
    const made = await call('POST', '/redemptions', {
      token,
      body: { giftId: 'gift-tote', quantity: 1, addressId: address.body.id },
    })
    expect([made.status, made.body]).toEqual([201, expect.anything()])
    const redemption = v.parse(Redemption, made.body)
    const order = await buy(token)
    expect(redemption.shipBy).toBe(order.shipBy)

    await clockAt(Date.parse(order.shipBy ?? '') + 7 * DAY_MS)
    const parcel = v.parse(Redemption, (await call('GET', `/redemptions/${redemption.id}`, { token })).body)
    const now = await orderOf(token, order.id)
    expect([now.shippingStatus, now.shippedAt, now.completedAt]).toEqual([
      parcel.status,
      parcel.shippedAt,
      parcel.completedAt,
    ])
  })
})
