import type { Gift, GiftCategory } from '../../../src/contract/all'
import type { Sql } from '../../platform/db'
import type { StatusWindow } from './rules'

// The mall module's SQL: the gift catalogue (small, read whole), the address book and the redemptions.

export type GiftRow = Gift

const GIFT_COLUMNS = `id, name, description, category, images, points_cost AS "pointsCost", stock,
  per_member_limit AS "perMemberLimit", min_level AS "minLevel", kind`

export type AddressRow = {
  id: string
  position: number
  memberId: string
  name: string
  phone: string
  region: string[]
  detail: string
  isDefault: boolean
  createdAt: Date
}

const ADDRESS_COLUMNS = `id, position, member_id AS "memberId", name, phone, region, detail,
  is_default AS "isDefault", created_at AS "createdAt"`

export type AddressCopy = { name: string; phone: string; region: string[]; detail: string }

export type RedemptionRow = {
  id: string
  position: number
  memberId: string
  giftId: string
  giftName: string
  giftImage: string | null
  kind: Gift['kind']
  quantity: number
  pointsSpent: number
  ledgerEntryId: string
  code: string | null
  address: AddressCopy | null
  createdAt: Date
  completedAt: Date | null
  cancelledAt: Date | null
  /** A physical gift's promised ship-by time: the mock ships it then. Null for virtual gifts and coupons. */
  shipBy: Date | null
  priorityShipping: boolean
}

const REDEMPTION_COLUMNS = `id, position, member_id AS "memberId", gift_id AS "giftId", gift_name AS "giftName",
  gift_image AS "giftImage", kind, quantity, points_spent AS "pointsSpent", ledger_entry_id AS "ledgerEntryId", code,
  address, created_at AS "createdAt", completed_at AS "completedAt", cancelled_at AS "cancelledAt", ship_by AS "shipBy",
  priority_shipping AS "priorityShipping"`

// The catalogue.

export const insertGiftCategories = async (sql: Sql, categories: readonly GiftCategory[]): Promise<void> => {
  const [row] = await sql.query<{ next: number }>(
    `SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM gift_categories`,
  )
  const first = row?.next ?? 0
  for (const [index, category] of categories.entries())
    await sql.query(`INSERT INTO gift_categories (id, name, position) VALUES ($1, $2, $3)`, [
      category.id,
      category.name,
      first + index,
    ])
}

export const giftCategories = (sql: Sql): Promise<GiftCategory[]> =>
  sql.query<GiftCategory>(`SELECT id, name FROM gift_categories ORDER BY position`)

export const insertGift = async (sql: Sql, gift: Gift): Promise<void> => {
  await sql.query(
    `INSERT INTO gifts (id, name, description, category, images, points_cost, stock, per_member_limit, min_level, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      gift.id,
      gift.name,
      gift.description,
      gift.category,
      JSON.stringify(gift.images),
      gift.pointsCost,
      gift.stock,
      gift.perMemberLimit,
      gift.minLevel,
      gift.kind,
    ],
  )
}

export const gifts = (sql: Sql, filter: { category?: string }): Promise<GiftRow[]> =>
  filter.category === undefined
    ? sql.query<GiftRow>(`SELECT ${GIFT_COLUMNS} FROM gifts`)
    : sql.query<GiftRow>(`SELECT ${GIFT_COLUMNS} FROM gifts WHERE category = $1`, [filter.category])

/** What a coupon gift's coupons take off and from what amount (the server's, beside the gift). */
export type CouponTerms = { valueFen: number; minSpendFen: number; validDays: number }

export const insertCouponTerms = async (sql: Sql, giftId: string, terms: CouponTerms): Promise<void> => {
  await sql.query(
    `INSERT INTO gift_coupon_terms (gift_id, value_fen, min_spend_fen, valid_days) VALUES ($1, $2, $3, $4)`,
    [giftId, terms.valueFen, terms.minSpendFen, terms.validDays],
  )
}

export const couponTermsOf = async (sql: Sql, giftId: string): Promise<CouponTerms | null> =>
  (
    await sql.query<CouponTerms>(
      `SELECT value_fen AS "valueFen", min_spend_fen AS "minSpendFen", valid_days AS "validDays"
       FROM gift_coupon_terms WHERE gift_id = $1`,
      [giftId],
    )
  )[0] ?? null

export const giftById = async (sql: Sql, id: string): Promise<GiftRow | null> => {
  const [row] = await sql.query<GiftRow>(`SELECT ${GIFT_COLUMNS} FROM gifts WHERE id = $1`, [id])
  return row ?? null
}

/**
 * Takes `quantity` from the stock only if that many are left, as one statement: on READ COMMITTED a concurrent
 * taker waits for this row and re-checks the condition on what was committed, so the stock never goes below zero
 * however many members race for it. Answers the stock left, or null when not enough was left.
 */
export const takeStock = async (sql: Sql, giftId: string, quantity: number): Promise<number | null> => {
  const [row] = await sql.query<{ stock: number }>(
    `UPDATE gifts SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING stock`,
    [giftId, quantity],
  )
  return row?.stock ?? null
}

export const returnStock = async (sql: Sql, giftId: string, quantity: number): Promise<void> => {
  await sql.query(`UPDATE gifts SET stock = stock + $2 WHERE id = $1`, [giftId, quantity])
}

export const setStock = async (sql: Sql, giftId: string, stock: number): Promise<GiftRow | null> => {
  const [row] = await sql.query<GiftRow>(`UPDATE gifts SET stock = $2 WHERE id = $1 RETURNING ${GIFT_COLUMNS}`, [
    giftId,
    stock,
  ])
  return row ?? null
}

// The address book.

/** Oldest first, the order the rules expect. */
export const addressesOf = (sql: Sql, memberId: string): Promise<AddressRow[]> =>
  sql.query<AddressRow>(`SELECT ${ADDRESS_COLUMNS} FROM addresses WHERE member_id = $1 ORDER BY position`, [memberId])

export const ownAddress = async (sql: Sql, memberId: string, id: string): Promise<AddressRow | null> => {
  const [row] = await sql.query<AddressRow>(
    `SELECT ${ADDRESS_COLUMNS} FROM addresses WHERE id = $1 AND member_id = $2`,
    [id, memberId],
  )
  return row ?? null
}

export const countAddresses = async (sql: Sql, memberId: string): Promise<number> => {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM addresses WHERE member_id = $1`, [
    memberId,
  ])
  return row?.n ?? 0
}

export const insertAddress = async (
  sql: Sql,
  address: Omit<AddressRow, 'position' | 'createdAt'> & { createdAt: number },
): Promise<AddressRow> => {
  const [row] = await sql.query<AddressRow>(
    `INSERT INTO addresses (id, member_id, name, phone, region, detail, is_default, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ADDRESS_COLUMNS}`,
    [
      address.id,
      address.memberId,
      address.name,
      address.phone,
      JSON.stringify(address.region),
      address.detail,
      address.isDefault,
      new Date(address.createdAt),
    ],
  )
  if (!row) throw new Error('The address book refused an address')
  return row
}

export const updateAddressFields = async (
  sql: Sql,
  id: string,
  changes: Partial<Pick<AddressRow, 'name' | 'phone' | 'region' | 'detail'>>,
): Promise<void> => {
  await sql.query(
    `UPDATE addresses SET name = COALESCE($2, name), phone = COALESCE($3, phone),
       region = COALESCE($4::jsonb, region), detail = COALESCE($5, detail)
     WHERE id = $1`,
    [
      id,
      changes.name ?? null,
      changes.phone ?? null,
      changes.region === undefined ? null : JSON.stringify(changes.region),
      changes.detail ?? null,
    ],
  )
}

/**
 * Makes `id` (or none) the member's default. The old default is cleared first: the partial unique index allows
 * one default per member at every statement, not only at commit.
 */
export const setDefaultAddress = async (sql: Sql, memberId: string, id: string | null): Promise<void> => {
  await sql.query(
    `UPDATE addresses SET is_default = false WHERE member_id = $1 AND is_default AND id IS DISTINCT FROM $2`,
    [memberId, id],
  )
  if (id !== null)
    await sql.query(`UPDATE addresses SET is_default = true WHERE id = $1 AND member_id = $2 AND NOT is_default`, [
      id,
      memberId,
    ])
}

export const deleteAddress = async (sql: Sql, id: string): Promise<void> => {
  await sql.query(`DELETE FROM addresses WHERE id = $1`, [id])
}

// Redemptions.

// The member's redemptions that were not cancelled: what counts against their limit for a gift.
const HELD_REDEMPTIONS = `FROM redemptions WHERE member_id = $1 AND cancelled_at IS NULL`

/** How many of a gift the member holds: the quantity of their redemptions that were not cancelled. */
export const redeemedQuantity = async (sql: Sql, memberId: string, giftId: string): Promise<number> => {
  const [row] = await sql.query<{ n: number }>(
    `SELECT COALESCE(SUM(quantity), 0)::int AS n ${HELD_REDEMPTIONS} AND gift_id = $2`,
    [memberId, giftId],
  )
  return row?.n ?? 0
}

/** redeemedQuantity of every gift at once, by gift id (a gift the member holds none of is absent). */
export const redeemedQuantities = async (sql: Sql, memberId: string): Promise<Map<string, number>> => {
  const rows = await sql.query<{ giftId: string; n: number }>(
    `SELECT gift_id AS "giftId", SUM(quantity)::int AS n ${HELD_REDEMPTIONS} GROUP BY gift_id`,
    [memberId],
  )
  return new Map(rows.map((row) => [row.giftId, row.n]))
}

/**
 * Inserts the redemption unless another one already carries its code (answers null: draw another code). A
 * redemption without a code never clashes.
 */
export const insertRedemption = async (
  sql: Sql,
  redemption: Omit<RedemptionRow, 'position' | 'createdAt' | 'completedAt' | 'cancelledAt' | 'shipBy'> & {
    createdAt: number
    completedAt: number | null
    shipBy: number | null
  },
): Promise<RedemptionRow | null> => {
  const [row] = await sql.query<RedemptionRow>(
    `INSERT INTO redemptions (id, member_id, gift_id, gift_name, gift_image, kind, quantity, points_spent,
       ledger_entry_id, code, address, created_at, completed_at, ship_by, priority_shipping)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (code) DO NOTHING RETURNING ${REDEMPTION_COLUMNS}`,
    [
      redemption.id,
      redemption.memberId,
      redemption.giftId,
      redemption.giftName,
      redemption.giftImage,
      redemption.kind,
      redemption.quantity,
      redemption.pointsSpent,
      redemption.ledgerEntryId,
      redemption.code,
      redemption.address === null ? null : JSON.stringify(redemption.address),
      new Date(redemption.createdAt),
      redemption.completedAt === null ? null : new Date(redemption.completedAt),
      redemption.shipBy === null ? null : new Date(redemption.shipBy),
      redemption.priorityShipping,
    ],
  )
  return row ?? null
}

export const ownRedemption = async (sql: Sql, memberId: string, id: string): Promise<RedemptionRow | null> => {
  const [row] = await sql.query<RedemptionRow>(
    `SELECT ${REDEMPTION_COLUMNS} FROM redemptions WHERE id = $1 AND member_id = $2`,
    [id, memberId],
  )
  return row ?? null
}

/** Marks it cancelled unless it already is (answers null then): a redemption is cancelled once. */
export const markCancelled = async (sql: Sql, id: string, at: number): Promise<RedemptionRow | null> => {
  const [row] = await sql.query<RedemptionRow>(
    `UPDATE redemptions SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL RETURNING ${REDEMPTION_COLUMNS}`,
    [id, new Date(at)],
  )
  return row ?? null
}

/**
 * One page of the member's redemptions, newest first (the position breaks ties within one instant), after the
 * cursor's [createdAtMs, position], in a status window when one is given.
 */
export const redemptionsPage = (
  sql: Sql,
  memberId: string,
  options: { window: StatusWindow | null; after: readonly [number, number] | null; limit: number },
): Promise<RedemptionRow[]> => {
  const params: unknown[] = [memberId]
  const param = (value: unknown): string => {
    params.push(value)
    return `$${params.length}`
  }
  const conditions = ['member_id = $1']
  const { window, after } = options
  if (window?.isCancelled === true) conditions.push('cancelled_at IS NOT NULL')
  else if (window) {
    const physical = [`kind = 'physical'`]
    if (window.physicalShipsAfterMs !== null) physical.push(`ship_by > ${param(new Date(window.physicalShipsAfterMs))}`)
    if (window.physicalShipsUntilMs !== null)
      physical.push(`ship_by <= ${param(new Date(window.physicalShipsUntilMs))}`)
    const kinds = window.includesNonPhysical
      ? `(kind <> 'physical' OR (${physical.join(' AND ')}))`
      : `(${physical.join(' AND ')})`
    conditions.push('cancelled_at IS NULL', kinds)
  }
  if (after) conditions.push(`(created_at, position) < (${param(new Date(after[0]))}, ${param(after[1])})`)
  return sql.query<RedemptionRow>(
    `SELECT ${REDEMPTION_COLUMNS} FROM redemptions WHERE ${conditions.join(' AND ')}
     ORDER BY created_at DESC, position DESC LIMIT ${param(options.limit)}`,
    params,
  )
}

/** When the member's redemptions that stand (not cancelled) were made. */
export const standingRedemptionTimes = async (sql: Sql, memberId: string): Promise<Date[]> =>
  (
    await sql.query<{ createdAt: Date }>(
      `SELECT created_at AS "createdAt" FROM redemptions WHERE member_id = $1 AND cancelled_at IS NULL
       ORDER BY created_at`,
      [memberId],
    )
  ).map((row) => row.createdAt)
