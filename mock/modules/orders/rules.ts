import { addDaysToInstant, businessDay, formatInstant } from '../../platform/time'
import type { Shipment } from '../mall/rules'
import { shipmentAt } from '../mall/rules'

// Order points (domain-rules.md, Points and growth): 1 point per yuan, pending for the refund window, then
// available. Pending points are not in the balance: they enter the ledger when released.

export type OrderLine = { id: string; status: 'paid' | 'refunded'; amountFen: number; createdAt: string }

export const orderPoints = (amountFen: number): number => Math.floor(amountFen / 100)

export const releaseTime = (order: OrderLine, pendingDays: number): number =>
  addDaysToInstant(Date.parse(order.createdAt), pendingDays)

/** Paid orders past the refund window whose points are not in the ledger yet. */
export const ordersToRelease = (
  orders: readonly OrderLine[],
  releasedOrderIds: ReadonlySet<string>,
  nowMs: number,
  pendingDays: number,
): OrderLine[] =>
  orders.filter(
    (order) =>
      order.status === 'paid' &&
      !releasedOrderIds.has(order.id) &&
      orderPoints(order.amountFen) > 0 &&
      releaseTime(order, pendingDays) <= nowMs,
  )

/**
 * Points still inside the refund window, and the first of them to become available: how many, the instant (`at`: an
 * order's time plus the window, rarely midnight) and its business day (`on`). Lots released later, the same day
 * included, are not in `points`: "N 积分 on D 起可用" must not promise points the server still holds back.
 */
export const pendingOrderPoints = (
  orders: readonly OrderLine[],
  nowMs: number,
  pendingDays: number,
  timeZone: string,
): { pending: number; nextRelease: { points: number; on: string; at: string } | null } => {
  const pending = orders
    .filter(
      (order) => order.status === 'paid' && orderPoints(order.amountFen) > 0 && releaseTime(order, pendingDays) > nowMs,
    )
    .map((order) => ({ points: orderPoints(order.amountFen), atMs: releaseTime(order, pendingDays) }))
  const firstMs = pending.length === 0 ? null : Math.min(...pending.map((lot) => lot.atMs))
  return {
    pending: pending.reduce((sum, lot) => sum + lot.points, 0),
    nextRelease:
      firstMs === null
        ? null
        : {
            points: pending.filter((lot) => lot.atMs === firstMs).reduce((sum, lot) => sum + lot.points, 0),
            on: businessDay(firstMs, timeZone),
            at: formatInstant(firstMs, timeZone),
          },
  }
}

/** Growth of an order: like its points, 1 per whole yuan (given at payment, taken back by a refund). */
export const orderGrowth = (amountFen: number): number => Math.floor(amountFen / 100)

/**
 * A refund is possible while both the points' pending window and the commission's settle window run: after either
 * closes, points or commission have been paid out and a refund could no longer take them back.
 */
export const refundableUntil = (createdAtMs: number, pendingDays: number, settleDays: number): number =>
  addDaysToInstant(createdAtMs, Math.min(pendingDays, settleDays))

export type RefundRefusal = 'already_refunded' | 'window_over'

export const refundRefusal = (
  order: { status: 'paid' | 'refunded'; createdAtMs: number },
  nowMs: number,
  windows: { pendingDays: number; settleDays: number },
): RefundRefusal | null => {
  if (order.status === 'refunded') return 'already_refunded'
  if (nowMs >= refundableUntil(order.createdAtMs, windows.pendingDays, windows.settleDays)) return 'window_over'
  return null
}

/**
 * Where a product order's parcel is at `nowMs`, by the mock's one fulfilment rule (the gift parcels', shipmentAt):
 * pending shipment until its ship-by time, shipped then, completed some days later. A refund stops the parcel where
 * it stood: refunded before its ship-by time it never ships (null, like a plan's order, which ships nothing); refunded
 * after, it did ship then and stays as it was at the refund (a refund is taken inside the window whatever the parcel
 * does: domain-rules.md keeps refunds to the 7-day window, and the mock takes no returns).
 */
export const orderShipmentAt = (
  order: { shipByMs: number | null; refundedAtMs: number | null },
  nowMs: number,
): Shipment | null => {
  if (order.shipByMs === null) return null
  const shipment = shipmentAt(order.shipByMs, order.refundedAtMs === null ? nowMs : Math.min(nowMs, order.refundedAtMs))
  return order.refundedAtMs !== null && shipment.status === 'pending_shipment' ? null : shipment
}
