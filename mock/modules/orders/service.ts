import type { Order, OrderRequest, Product } from '../../../src/contract/all'
import { ApiError, invalid, notFound } from '../../platform/errors'
import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import type { PageQuery } from '../../platform/paginate'
import { paginate, wholeCursorKey } from '../../platform/paginate'
import { addGrowth, memberById, takeGrowth } from '../account/service'
import { livePostOf } from '../community/service'
import { couponDiscount, giveBackCoupon, spendCoupon } from '../coupons/service'
import {
  arriveVia,
  commissionFor,
  commissionOnOrder,
  distributorIdOfCode,
  reverseCommissions,
} from '../distribution/service'
import { endPlanPeriod, shippingPromise } from '../plans/service'
import { addEntry } from '../points/service'
import * as data from './data'
import {
  orderGrowth,
  orderPoints,
  pendingOrderPoints as pendingOf,
  orderShipmentAt,
  refundableUntil,
  refundRefusal,
  releaseTime,
} from './rules'

// Orders, just enough to close the loop (domain-rules.md, Products and orders): a paid order's points stay pending
// for the refund window, then enter the ledger dated when they became available.

type OrderRow = { id: string; amountFen: number; status: 'paid' | 'refunded'; createdAt: Date }

const pendingDays = (ctx: Ctx): number => ctx.config.points.pendingDays

/** Paid orders whose points have not entered the ledger yet (a member has few). */
const unreleasedOrders = (ctx: Ctx, memberId: string): Promise<OrderRow[]> =>
  ctx.sql.query<OrderRow>(
    `SELECT id, amount_fen AS "amountFen", status, created_at AS "createdAt" FROM orders
     WHERE member_id = $1 AND status = 'paid' AND points_released_at IS NULL ORDER BY created_at`,
    [memberId],
  )

/** Order points past the refund window become an `order` entry dated when they became available. */
export const releaseOrderPoints = async (ctx: Ctx, memberId: string): Promise<void> => {
  const due = (await unreleasedOrders(ctx, memberId)).filter(
    (order) => releaseTime({ ...order, createdAt: isoAt(ctx, order.createdAt) }, pendingDays(ctx)) <= ctx.nowMs,
  )
  for (const order of due) {
    const releasedMs = releaseTime({ ...order, createdAt: isoAt(ctx, order.createdAt) }, pendingDays(ctx))
    // Marked first with a conditional update: two requests settling at once release the points once.
    const claimed = await ctx.sql.query(
      `UPDATE orders SET points_released_at = $2 WHERE id = $1 AND points_released_at IS NULL RETURNING id`,
      [order.id, new Date(releasedMs)],
    )
    if (claimed.length === 0) continue
    await addEntry(ctx, memberId, {
      delta: orderPoints(order.amountFen),
      type: 'order',
      reason: '订单积分到账',
      refId: order.id,
      at: releasedMs,
    })
  }
}

export const pendingOrderPoints = async (ctx: Ctx, memberId: string) =>
  pendingOf(
    (await unreleasedOrders(ctx, memberId)).map((order) => ({ ...order, createdAt: isoAt(ctx, order.createdAt) })),
    ctx.nowMs,
    pendingDays(ctx),
    ctx.config.timeZone,
  )

/** A paid order (mock payment), for the seed's history: its points and commission follow from its time. */
export const createOrder = async (
  ctx: Ctx,
  order: { memberId: string; productId: string; quantity: number; ref: string | null; isRefunded?: boolean },
): Promise<{ id: string; amountFen: number }> => {
  const product = await data.productById(ctx.sql, order.productId)
  if (!product) throw new Error(`No product ${order.productId}`)
  const amountFen = product.priceFen * order.quantity
  const row = await data.insertOrder(ctx.sql, {
    id: await newId(ctx.sql, 'o'),
    memberId: order.memberId,
    kind: 'product',
    productId: product.id,
    planId: null,
    itemName: product.name,
    quantity: order.quantity,
    amountFen,
    discountFen: 0,
    couponCode: null,
    status: order.isRefunded ? 'refunded' : 'paid',
    ref: order.ref,
    postId: null,
    growth: 0,
    at: ctx.nowMs,
    ...(await shippingPromise(ctx, order.memberId)),
  })
  return { id: row.id, amountFen }
}

export type ProductInput = { id: string; name: string; description: string; images: string[]; priceFen: number }

export const createProducts = async (ctx: Ctx, products: readonly ProductInput[]): Promise<void> => {
  for (const [position, product] of products.entries())
    await ctx.sql.query(
      `INSERT INTO products (id, position, name, description, images, price_fen) VALUES ($1, $2, $3, $4, $5, $6)`,
      [product.id, position, product.name, product.description, JSON.stringify(product.images), product.priceFen],
    )
}

/** Whether the catalogue has this product (a share-to-earn post may carry only a real one). */
export const productExists = async (ctx: Ctx, productId: string): Promise<boolean> =>
  (await data.productById(ctx.sql, productId)) !== null

const toProduct = (ctx: Ctx, row: data.ProductRow): Product => ({
  id: row.id,
  name: row.name,
  description: row.description,
  images: row.images,
  priceFen: row.priceFen,
  commissionFen: commissionFor(ctx, row.priceFen),
})

export const productsPage = async (ctx: Ctx, query: PageQuery) => {
  const rows = (await data.products(ctx.sql)).map((row, position) => ({ row, position }))
  const page = paginate(rows, (item) => [item.position], query)
  return { items: page.items.map(({ row }) => toProduct(ctx, row)), nextCursor: page.nextCursor }
}

export const productOf = async (ctx: Ctx, id: string): Promise<Product> => {
  const row = await data.productById(ctx.sql, id)
  if (!row) throw notFound('The product')
  return toProduct(ctx, row)
}

const windowsOf = (ctx: Ctx) => ({
  pendingDays: ctx.config.points.pendingDays,
  settleDays: ctx.config.distribution.settleDays,
})

const toOrder = (ctx: Ctx, row: data.OrderRow): Order => {
  const shipment = orderShipmentAt(
    { shipByMs: row.shipBy?.getTime() ?? null, refundedAtMs: row.refundedAt?.getTime() ?? null },
    ctx.nowMs,
  )
  const at = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : isoAt(ctx, ms))
  return {
    id: row.id,
    kind: row.kind,
    productId: row.productId,
    planId: row.planId,
    itemName: row.itemName,
    quantity: row.quantity,
    amountFen: row.amountFen,
    discountFen: row.discountFen,
    couponCode: row.couponCode,
    status: row.status,
    ref: row.ref,
    postId: row.postId,
    createdAt: isoAt(ctx, row.createdAt),
    refundableUntil: isoAt(
      ctx,
      refundableUntil(row.createdAt.getTime(), windowsOf(ctx).pendingDays, windowsOf(ctx).settleDays),
    ),
    refundedAt: row.refundedAt ? isoAt(ctx, row.refundedAt) : null,
    isRefundable:
      refundRefusal({ status: row.status, createdAtMs: row.createdAt.getTime() }, ctx.nowMs, windowsOf(ctx)) === null,
    points: row.status === 'refunded' ? 0 : orderPoints(row.amountFen),
    growth: row.status === 'refunded' ? 0 : row.growth,
    shipBy: row.shipBy ? isoAt(ctx, row.shipBy) : null,
    priorityShipping: row.priorityShipping,
    shippingStatus: shipment?.status ?? null,
    shippedAt: at(shipment?.shippedAtMs),
    completedAt: at(shipment?.completedAtMs),
  }
}

/**
 * A paid order (mock payment) and what it earns on what was paid (after a coupon's discount): growth now, points pending for the refund window, commission for
 * the distributor commissionOnOrder decides (none on a plan that carries distribution rights). Through a link (`ref`) or a 分享赚 post, the buyer arrives through
 * that distributor first (bound by first touch when allowed, else the arrival is recorded with why).
 */
export const placeOrder = async (
  ctx: Ctx,
  memberId: string,
  item:
    | { kind: 'product'; request: OrderRequest }
    | { kind: 'plan'; planId: string; name: string; priceFen: number; carriesRights: boolean },
): Promise<Order> => {
  let viaDistributorId: string | null = null
  let row: data.OrderRow
  if (item.kind === 'product') {
    const { request } = item
    const product = await data.productById(ctx.sql, request.productId)
    if (!product) throw notFound('The product')
    // A post deleted or hidden since the buyer opened the product from it is no reason to refuse the order: it goes
    // through no post (a link's ref still counts), and the order does not name it.
    const post = request.postId === undefined ? null : await livePostOf(ctx, memberId, request.postId)
    if (post !== null) {
      if (post.productId !== product.id) throw invalid({ postId: 'a published 分享赚 post carrying this product' })
      const author = await memberById(ctx, post.author.id)
      viaDistributorId = author?.isDistributor ? author.id : null
      if (viaDistributorId !== null) await arriveVia(ctx, memberId, viaDistributorId, 'post', { postId: post.id })
    } else if (request.ref !== undefined) {
      viaDistributorId = await distributorIdOfCode(ctx, request.ref)
      if (viaDistributorId !== null) await arriveVia(ctx, memberId, viaDistributorId, 'link')
    }
    const quantity = request.quantity ?? 1
    const priceFen = product.priceFen * quantity
    const discountFen =
      request.couponCode === undefined ? 0 : await couponDiscount(ctx, memberId, request.couponCode, priceFen)
    const amountFen = priceFen - discountFen
    const shipping = await shippingPromise(ctx, memberId)
    row = await data.insertOrder(ctx.sql, {
      id: await newId(ctx.sql, 'o'),
      memberId,
      kind: 'product',
      productId: product.id,
      planId: null,
      itemName: product.name,
      quantity,
      amountFen,
      discountFen,
      couponCode: request.couponCode ?? null,
      status: 'paid',
      ref: request.ref ?? null,
      postId: post?.id ?? null,
      growth: orderGrowth(amountFen),
      at: ctx.nowMs,
      shipBy: shipping.shipBy,
      priorityShipping: shipping.priorityShipping,
    })
    if (request.couponCode !== undefined) await spendCoupon(ctx, memberId, request.couponCode, row.id)
  } else {
    row = await data.insertOrder(ctx.sql, {
      id: await newId(ctx.sql, 'o'),
      memberId,
      kind: 'plan',
      productId: null,
      planId: item.planId,
      itemName: item.name,
      quantity: 1,
      amountFen: item.priceFen,
      discountFen: 0,
      couponCode: null,
      status: 'paid',
      ref: null,
      postId: null,
      growth: orderGrowth(item.priceFen),
      at: ctx.nowMs,
      // Nothing ships for a plan.
      shipBy: null,
      priorityShipping: false,
    })
  }
  await addGrowth(ctx, memberId, row.growth)
  // The price of distribution rights pays nobody a commission: that would reward recruiting paying distributors
  // (domain-rules.md, Compliance: no paid entry to distribution).
  if (!(item.kind === 'plan' && item.carriesRights)) await commissionOnOrder(ctx, row, viaDistributorId)
  return toOrder(ctx, row)
}

const ownOrder = async (ctx: Ctx, memberId: string, id: string, forUpdate = false): Promise<data.OrderRow> => {
  const row = await data.orderById(ctx.sql, id, { forUpdate })
  // Another member's order is no different from none.
  if (!row || row.memberId !== memberId) throw notFound('The order')
  return row
}

export const orderOf = async (ctx: Ctx, memberId: string, id: string): Promise<Order> =>
  toOrder(ctx, await ownOrder(ctx, memberId, id))

export const ordersPage = async (ctx: Ctx, memberId: string, query: PageQuery) => {
  wholeCursorKey(query, ['number', 'number'] as const)
  const rows = await data.ordersOf(ctx.sql, memberId)
  const page = paginate(rows, (row) => [-row.createdAt.getTime(), -row.position], query)
  return { items: page.items.map((row) => toOrder(ctx, row)), nextCursor: page.nextCursor }
}

const REFUND_MESSAGES = {
  already_refunded: 'This order has already been refunded.',
  window_over: 'The refund window of this order has closed.',
} as const

/**
 * A refund inside the window reverses everything the order earned, exactly once however many arrive: pending
 * points (never released), growth, commission, the coupon it spent (back to the wallet), and a plan's period with its
 * coupons and any right it carried.
 * The order's row lock and the conditional update decide which request refunds.
 */
export const refundOrder = async (ctx: Ctx, memberId: string, id: string): Promise<Order> => {
  const order = await ownOrder(ctx, memberId, id, true)
  const refusal = refundRefusal(
    { status: order.status, createdAtMs: order.createdAt.getTime() },
    ctx.nowMs,
    windowsOf(ctx),
  )
  if (refusal) throw new ApiError('REFUND_NOT_ALLOWED', REFUND_MESSAGES[refusal], { reason: refusal })
  const refunded = await data.markRefunded(ctx.sql, order.id, ctx.nowMs)
  if (!refunded)
    throw new ApiError('REFUND_NOT_ALLOWED', REFUND_MESSAGES.already_refunded, { reason: 'already_refunded' })
  await reverseCommissions(ctx, order.id)
  await giveBackCoupon(ctx, order.id)
  await takeGrowth(ctx, memberId, order.growth)
  if (order.kind === 'plan') await endPlanPeriod(ctx, order.id)
  return toOrder(ctx, refunded)
}
