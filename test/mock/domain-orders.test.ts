import type { OrderLine } from '../../mock/modules/orders/rules'
import { orderPoints, orderShipmentAt, ordersToRelease, pendingOrderPoints } from '../../mock/modules/orders/rules'
import { redemptionStateAt } from '../../mock/modules/mall/rules'

const SHANGHAI = 'Asia/Shanghai'
const order = (id: string, amountFen: number, createdAt: string, status: OrderLine['status'] = 'paid'): OrderLine => ({
  id,
  amountFen,
  createdAt,
  status,
})

describe('order points', () => {
  it.each([
    [8900, 89],
    [19999, 199],
    [99, 0],
    [0, 0],
  ])('%i fen earns %i points (1 per whole yuan)', (fen, points) => {
    expect(orderPoints(fen)).toBe(points)
  })

  const orders = [
    order('o-1', 10000, '2030-03-01T10:00:00+08:00'),
    order('o-2', 5000, '2030-03-05T09:00:00+08:00'),
    order('o-3', 5000, '2030-03-05T20:00:00+08:00'),
    order('o-4', 30000, '2030-03-06T10:00:00+08:00', 'refunded'),
  ]

  it('stay pending for the refund window, and say when the first become available', () => {
    expect(pendingOrderPoints(orders, Date.parse('2030-03-07T10:00:00+08:00'), 7, SHANGHAI)).toEqual({
      pending: 200,
      nextRelease: { points: 100, on: '2030-03-08', at: '2030-03-08T10:00:00+08:00' },
    })
    expect(pendingOrderPoints(orders, Date.parse('2030-03-08T10:00:00+08:00'), 7, SHANGHAI)).toEqual({
      pending: 100,
      // o-2 at 09:00 and o-3 at 20:00 that day: only o-2's 50 are available from 09:00.
      nextRelease: { points: 50, on: '2030-03-12', at: '2030-03-12T09:00:00+08:00' },
    })
    expect(pendingOrderPoints(orders, Date.parse('2030-03-13T00:00:00+08:00'), 7, SHANGHAI)).toEqual({
      pending: 0,
      nextRelease: null,
    })
  })

  it('are released once the window has passed, once, and never for a refunded order', () => {
    const at = Date.parse('2030-03-12T12:00:00+08:00')
    expect(ordersToRelease(orders, new Set(), at, 7).map((line) => line.id)).toEqual(['o-1', 'o-2'])
    expect(ordersToRelease(orders, new Set(['o-1']), at, 7).map((line) => line.id)).toEqual(['o-2'])
    expect(
      ordersToRelease(orders, new Set(), Date.parse('2030-04-01T00:00:00+08:00'), 7).map((line) => line.id),
    ).toEqual(['o-1', 'o-2', 'o-3'])
  })
})

describe('orderShipmentAt: a product order’s parcel by the clock (the gift parcels’ rule)', () => {
  const HOUR_MS = 60 * 60 * 1000
  const shipByMs = Date.parse('2030-03-14T15:00:00+08:00')
  const completesMs = shipByMs + 7 * 24 * HOUR_MS
  const paid = { shipByMs, refundedAtMs: null }

  it.each([
    ['one second before ship-by', shipByMs - 1000, 'pending_shipment', null, null],
    ['at ship-by', shipByMs, 'shipped', shipByMs, null],
    ['one second before 7 days after', completesMs - 1000, 'shipped', shipByMs, null],
    ['7 days after ship-by', completesMs, 'completed', shipByMs, completesMs],
  ])('%s: %s', (_, nowMs, status, shippedAtMs, completedAtMs) => {
    expect(orderShipmentAt(paid, nowMs)).toEqual({ status, shippedAtMs, completedAtMs })
    // The same instants as a gift parcel with that ship-by time.
    const parcel = redemptionStateAt(
      {
        kind: 'physical',
        createdAt: '2030-03-12T15:00:00+08:00',
        completedAt: null,
        cancelledAt: null,
        shipBy: new Date(shipByMs).toISOString(),
      },
      nowMs,
    )
    expect(parcel).toEqual({ status, shippedAtMs, completedAtMs, cancelledAtMs: null })
  })

  it('a plan’s order ships nothing', () => {
    expect(orderShipmentAt({ shipByMs: null, refundedAtMs: null }, shipByMs)).toBeNull()
  })

  it('a refund stops the parcel: before ship-by it never ships, after it stays shipped', () => {
    expect(orderShipmentAt({ shipByMs, refundedAtMs: shipByMs - 1000 }, completesMs + 1)).toBeNull()
    expect(orderShipmentAt({ shipByMs, refundedAtMs: shipByMs }, completesMs + 1)).toEqual({
      status: 'shipped',
      shippedAtMs: shipByMs,
      completedAtMs: null,
    })
  })
})
