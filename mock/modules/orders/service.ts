import type { Ctx } from '../../platform/http'
import { isoAt } from '../../platform/http'
import { newId } from '../../platform/ids'
import { addEntry } from '../points/service'
import { orderPoints, pendingOrderPoints as pendingOf, releaseTime } from './rules'

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
  const [product] = await ctx.sql.query<{ priceFen: number }>(
    `SELECT price_fen AS "priceFen" FROM products WHERE id = $1`,
    [order.productId],
  )
  if (!product) throw new Error(`No product ${order.productId}`)
  const id = await newId(ctx.sql, 'o')
  const amountFen = product.priceFen * order.quantity
  await ctx.sql.query(
    `INSERT INTO orders (id, member_id, product_id, quantity, amount_fen, status, ref, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      order.memberId,
      order.productId,
      order.quantity,
      amountFen,
      order.isRefunded ? 'refunded' : 'paid',
      order.ref,
      new Date(ctx.nowMs),
    ],
  )
  return { id, amountFen }
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
  (await ctx.sql.query(`SELECT 1 FROM products WHERE id = $1`, [productId])).length > 0
