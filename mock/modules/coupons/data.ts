import type { Sql } from '../../platform/db'

// The coupons module's SQL: the wallet (a level's monthly coupons, a plan's monthly coupons) and the order each is
// spent on.

export type CouponRow = {
  code: string
  memberId: string
  source: 'level' | 'plan' | 'gift'
  /** A plan's coupon: the order that bought the plan, and the month of the plan (0 first). */
  planOrderId: string | null
  monthIndex: number | null
  /** A level's coupon: the business month it was claimed for. */
  levelMonth: string | null
  /** A gift's coupon: the points-mall redemption that bought it. */
  redemptionId: string | null
  valueFen: number
  minSpendFen: number
  validFrom: string
  validUntil: string
  voidedAt: Date | null
  usedOrderId: string | null
}

const COLUMNS = `code, member_id AS "memberId", source, plan_order_id AS "planOrderId", month_index AS "monthIndex",
  level_month AS "levelMonth", redemption_id AS "redemptionId", value_fen AS "valueFen", min_spend_fen AS "minSpendFen", valid_from AS "validFrom", valid_until AS "validUntil",
  voided_at AS "voidedAt", used_order_id AS "usedOrderId"`

export const couponsOf = (sql: Sql, memberId: string): Promise<CouponRow[]> =>
  sql.query<CouponRow>(`SELECT ${COLUMNS} FROM coupons WHERE member_id = $1`, [memberId])

export const planCouponsOf = (sql: Sql, memberId: string): Promise<CouponRow[]> =>
  sql.query<CouponRow>(
    `SELECT ${COLUMNS} FROM coupons WHERE member_id = $1 AND source = 'plan' ORDER BY valid_from, code`,
    [memberId],
  )

export const couponByCode = async (sql: Sql, code: string): Promise<CouponRow | null> =>
  (await sql.query<CouponRow>(`SELECT ${COLUMNS} FROM coupons WHERE code = $1`, [code]))[0] ?? null

export const levelCouponOf = async (sql: Sql, memberId: string, month: string): Promise<CouponRow | null> =>
  (
    await sql.query<CouponRow>(
      `SELECT ${COLUMNS} FROM coupons WHERE member_id = $1 AND source = 'level' AND level_month = $2`,
      [memberId, month],
    )
  )[0] ?? null

type NewCoupon = { code: string; memberId: string; valueFen: number; validFrom: string; validUntil: string; at: number }

/**
 * One coupon per plan period and month (that unique key keeps the first, whatever reads at once; a clash of the random
 * code is an error, never taken for "issued already").
 */
export const insertPlanCoupon = async (
  sql: Sql,
  row: NewCoupon & { planOrderId: string; monthIndex: number },
): Promise<void> => {
  await sql.query(
    `INSERT INTO coupons (code, source, plan_order_id, member_id, month_index, value_fen, valid_from, valid_until,
       created_at)
     VALUES ($1, 'plan', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plan_order_id, month_index) DO NOTHING`,
    [
      row.code,
      row.planOrderId,
      row.memberId,
      row.monthIndex,
      row.valueFen,
      row.validFrom,
      row.validUntil,
      new Date(row.at),
    ],
  )
}

/** One level coupon per member and business month: null when one was claimed already (the unique key decides). */
export const insertLevelCoupon = async (sql: Sql, row: NewCoupon & { levelMonth: string }): Promise<CouponRow | null> =>
  (
    await sql.query<CouponRow>(
      `INSERT INTO coupons (code, source, member_id, level_month, value_fen, valid_from, valid_until, created_at)
       VALUES ($1, 'level', $2, $3, $4, $5, $6, $7)
       ON CONFLICT (member_id, level_month) WHERE source = 'level' DO NOTHING RETURNING ${COLUMNS}`,
      [row.code, row.memberId, row.levelMonth, row.valueFen, row.validFrom, row.validUntil, new Date(row.at)],
    )
  )[0] ?? null

/** The coupons a coupon gift's redemption bought, one per unit (the redemption is written once, so are they). */
export const insertGiftCoupon = async (
  sql: Sql,
  row: NewCoupon & { redemptionId: string; minSpendFen: number },
): Promise<void> => {
  await sql.query(
    `INSERT INTO coupons (code, source, member_id, redemption_id, value_fen, min_spend_fen, valid_from, valid_until,
       created_at)
     VALUES ($1, 'gift', $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.code,
      row.memberId,
      row.redemptionId,
      row.valueFen,
      row.minSpendFen,
      row.validFrom,
      row.validUntil,
      new Date(row.at),
    ],
  )
}

export const voidPlanCoupons = async (sql: Sql, planOrderId: string, nowMs: number): Promise<void> => {
  await sql.query(`UPDATE coupons SET voided_at = $2 WHERE plan_order_id = $1 AND voided_at IS NULL`, [
    planOrderId,
    new Date(nowMs),
  ])
}

/**
 * Spends the member's coupon on an order, if nothing spent or voided it first: the conditional update decides
 * between two orders racing for one coupon. False when this call did not spend it.
 */
export const spend = async (sql: Sql, code: string, memberId: string, orderId: string): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE coupons SET used_order_id = $3
       WHERE code = $1 AND member_id = $2 AND used_order_id IS NULL AND voided_at IS NULL RETURNING code`,
      [code, memberId, orderId],
    )
  ).length > 0

/** A refunded order's coupon comes back to the wallet. */
export const giveBack = async (sql: Sql, orderId: string): Promise<void> => {
  await sql.query(`UPDATE coupons SET used_order_id = NULL WHERE used_order_id = $1`, [orderId])
}
