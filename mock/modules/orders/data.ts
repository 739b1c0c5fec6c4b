import type { Sql } from '../../platform/db'

// The orders module's SQL: products and orders (of a product or of a membership plan).

export type ProductRow = { id: string; name: string; description: string; images: string[]; priceFen: number }

const PRODUCT_COLUMNS = `id, name, description, images, price_fen AS "priceFen"`

export const products = (sql: Sql): Promise<ProductRow[]> =>
  sql.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY position`)

export const productById = async (sql: Sql, id: string): Promise<ProductRow | null> =>
  (await sql.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [id]))[0] ?? null

export type OrderRow = {
  id: string
  position: number
  memberId: string
  kind: 'product' | 'plan'
  productId: string | null
  planId: string | null
  itemName: string
  quantity: number
  /** What was paid, after the coupon's discount. */
  amountFen: number
  discountFen: number
  couponCode: string | null
  status: 'paid' | 'refunded'
  ref: string | null
  postId: string | null
  growth: number
  createdAt: Date
  refundedAt: Date | null
  pointsReleasedAt: Date | null
  /** The ship-by time promised when a product was ordered (null for a plan's order). */
  shipBy: Date | null
  priorityShipping: boolean
}

const ORDER_COLUMNS = `id, position, member_id AS "memberId", kind, product_id AS "productId", plan_id AS "planId",
  item_name AS "itemName", quantity, amount_fen AS "amountFen", discount_fen AS "discountFen",
  coupon_code AS "couponCode", status, ref, post_id AS "postId", growth,
  created_at AS "createdAt", refunded_at AS "refundedAt", points_released_at AS "pointsReleasedAt", ship_by AS "shipBy",
  priority_shipping AS "priorityShipping"`

export const insertOrder = async (
  sql: Sql,
  order: Omit<OrderRow, 'position' | 'createdAt' | 'refundedAt' | 'pointsReleasedAt' | 'shipBy'> & {
    at: number
    shipBy: number | null
  },
): Promise<OrderRow> => {
  const [row] = await sql.query<OrderRow>(
    `INSERT INTO orders (id, member_id, kind, product_id, plan_id, item_name, quantity, amount_fen, status, ref,
       post_id, growth, created_at, refunded_at, ship_by, priority_shipping, discount_fen, coupon_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${ORDER_COLUMNS}`,
    [
      order.id,
      order.memberId,
      order.kind,
      order.productId,
      order.planId,
      order.itemName,
      order.quantity,
      order.amountFen,
      order.status,
      order.ref,
      order.postId,
      order.growth,
      new Date(order.at),
      order.status === 'refunded' ? new Date(order.at) : null,
      order.shipBy === null ? null : new Date(order.shipBy),
      order.priorityShipping,
      order.discountFen,
      order.couponCode,
    ],
  )
  if (!row) throw new Error('The order was not written')
  return row
}

export const orderById = async (sql: Sql, id: string, { forUpdate = false } = {}): Promise<OrderRow | null> =>
  (
    await sql.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
      id,
    ])
  )[0] ?? null

export const ordersOf = (sql: Sql, memberId: string): Promise<OrderRow[]> =>
  sql.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE member_id = $1`, [memberId])

/**
 * Marks a paid order refunded, once: answers the row when this call did it, null when it was already refunded
 * (or its points had left the refund window) by the time it ran.
 */
export const markRefunded = async (sql: Sql, id: string, nowMs: number): Promise<OrderRow | null> =>
  (
    await sql.query<OrderRow>(
      `UPDATE orders SET status = 'refunded', refunded_at = $2
       WHERE id = $1 AND status = 'paid' AND points_released_at IS NULL RETURNING ${ORDER_COLUMNS}`,
      [id, new Date(nowMs)],
    )
  )[0] ?? null
