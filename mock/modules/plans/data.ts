import type { Sql } from '../../platform/db'

// The plans module's SQL: membership plans and their paid periods (their coupons are the coupons module's).

export type PlanRow = {
  id: string
  name: string
  tier: 'ordinary' | 'advanced'
  period: 'monthly' | 'quarterly' | 'yearly'
  durationDays: number
  priceFen: number
  checkinMultiplierPercent: number
  monthlyCouponFen: number
  priorityShipping: boolean
  grantsDistributionH5: boolean
}

const PLAN_COLUMNS = `id, name, tier, period, duration_days AS "durationDays", price_fen AS "priceFen",
  checkin_multiplier_percent AS "checkinMultiplierPercent", monthly_coupon_fen AS "monthlyCouponFen",
  priority_shipping AS "priorityShipping", grants_distribution_h5 AS "grantsDistributionH5"`

export const plans = (sql: Sql): Promise<PlanRow[]> =>
  sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY position`)

export const planById = async (sql: Sql, id: string): Promise<PlanRow | null> =>
  (await sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = $1`, [id]))[0] ?? null

export const insertPlans = async (sql: Sql, rows: readonly PlanRow[]): Promise<void> => {
  for (const [position, plan] of rows.entries())
    await sql.query(
      `INSERT INTO plans (id, position, name, tier, period, duration_days, price_fen, checkin_multiplier_percent,
         monthly_coupon_fen, priority_shipping, grants_distribution_h5)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        plan.id,
        position,
        plan.name,
        plan.tier,
        plan.period,
        plan.durationDays,
        plan.priceFen,
        plan.checkinMultiplierPercent,
        plan.monthlyCouponFen,
        plan.priorityShipping,
        plan.grantsDistributionH5,
      ],
    )
}

export type PeriodRow = {
  orderId: string
  planId: string
  purchasedAt: Date
  startsAt: Date
  endsAt: Date
  refundedAt: Date | null
}

const PERIOD_COLUMNS = `order_id AS "orderId", plan_id AS "planId", purchased_at AS "purchasedAt",
  starts_at AS "startsAt", ends_at AS "endsAt", refunded_at AS "refundedAt"`

/** The member's periods in the order they were bought. */
export const periodsOf = (sql: Sql, memberId: string): Promise<PeriodRow[]> =>
  sql.query<PeriodRow>(
    `SELECT ${PERIOD_COLUMNS} FROM plan_periods WHERE member_id = $1 ORDER BY purchased_at, order_id`,
    [memberId],
  )

export const periodOfOrder = async (sql: Sql, orderId: string): Promise<(PeriodRow & { memberId: string }) | null> =>
  (
    await sql.query<PeriodRow & { memberId: string }>(
      `SELECT ${PERIOD_COLUMNS}, member_id AS "memberId" FROM plan_periods WHERE order_id = $1`,
      [orderId],
    )
  )[0] ?? null

export const insertPeriod = async (
  sql: Sql,
  row: { orderId: string; memberId: string; planId: string; purchasedAt: number; startsAt: number; endsAt: number },
): Promise<void> => {
  await sql.query(
    `INSERT INTO plan_periods (order_id, member_id, plan_id, purchased_at, starts_at, ends_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.orderId, row.memberId, row.planId, new Date(row.purchasedAt), new Date(row.startsAt), new Date(row.endsAt)],
  )
}

export const movePeriod = async (sql: Sql, orderId: string, startsAt: number, endsAt: number): Promise<void> => {
  await sql.query(`UPDATE plan_periods SET starts_at = $2, ends_at = $3 WHERE order_id = $1`, [
    orderId,
    new Date(startsAt),
    new Date(endsAt),
  ])
}

/** Ends the period at once (its end moves to now when it was running); answers false when already refunded. */
export const refundPeriod = async (sql: Sql, orderId: string, nowMs: number): Promise<boolean> =>
  (
    await sql.query(
      `UPDATE plan_periods SET refunded_at = $2,
         ends_at = CASE WHEN ends_at > $2 AND starts_at < $2 THEN $2 ELSE ends_at END
       WHERE order_id = $1 AND refunded_at IS NULL RETURNING order_id`,
      [orderId, new Date(nowMs)],
    )
  ).length > 0
