import type { Sql } from '../../platform/db'

// The points module's SQL: the append-only ledger, the open lots, and the balance kept on the member's row.

export type EntryRow = {
  id: string
  position: number
  memberId: string
  delta: number
  type: string
  reason: string
  refId: string | null
  createdAt: Date
  expiresAt: Date | null
}

const ENTRY_COLUMNS = `id, position, member_id AS "memberId", delta, type, reason, ref_id AS "refId",
  created_at AS "createdAt", expires_at AS "expiresAt"`

export type LotRow = { entryId: string; expiresAt: Date | null; remaining: number }

export const insertEntry = async (
  sql: Sql,
  entry: Omit<EntryRow, 'position' | 'createdAt' | 'expiresAt'> & { createdAt: number; expiresAt: number | null },
): Promise<EntryRow> => {
  const [row] = await sql.query<EntryRow>(
    `INSERT INTO ledger_entries (id, member_id, delta, type, reason, ref_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ENTRY_COLUMNS}`,
    [
      entry.id,
      entry.memberId,
      entry.delta,
      entry.type,
      entry.reason,
      entry.refId,
      new Date(entry.createdAt),
      entry.expiresAt === null ? null : new Date(entry.expiresAt),
    ],
  )
  if (!row) throw new Error('The ledger refused an entry')
  return row
}

/** Moves the stored balance by delta; the CHECK (points_balance >= 0) refuses to go below zero. */
export const moveBalance = async (sql: Sql, memberId: string, delta: number): Promise<number> => {
  const [row] = await sql.query<{ balance: number }>(
    `UPDATE members SET points_balance = points_balance + $2 WHERE id = $1 RETURNING points_balance AS balance`,
    [memberId, delta],
  )
  if (!row) throw new Error(`No member ${memberId}`)
  return row.balance
}

export const storedBalance = async (sql: Sql, memberId: string): Promise<number> => {
  const [row] = await sql.query<{ balance: number }>(`SELECT points_balance AS balance FROM members WHERE id = $1`, [
    memberId,
  ])
  return row?.balance ?? 0
}

export const insertLot = async (sql: Sql, entry: EntryRow): Promise<void> => {
  await sql.query(
    `INSERT INTO point_lots (entry_id, member_id, position, expires_at, remaining) VALUES ($1, $2, $3, $4, $5)`,
    [entry.id, entry.memberId, entry.position, entry.expiresAt, entry.delta],
  )
}

/** What is left of the points earned by entries of one type and reference (e.g. a plan's check-in bonus). */
export const openLotsEarnedBy = async (sql: Sql, memberId: string, type: string, refId: string): Promise<LotRow[]> =>
  sql.query<LotRow>(
    `SELECT lot.entry_id AS "entryId", lot.expires_at AS "expiresAt", lot.remaining FROM point_lots lot
     JOIN ledger_entries entry ON entry.id = lot.entry_id
     WHERE lot.member_id = $1 AND lot.remaining > 0 AND entry.type = $2 AND entry.ref_id = $3
     ORDER BY lot.position ASC`,
    [memberId, type, refId],
  )

/** Open lots in the order spends take them: the ones that expire first, then the oldest. */
export const openLots = async (sql: Sql, memberId: string): Promise<LotRow[]> =>
  sql.query<LotRow>(
    `SELECT entry_id AS "entryId", expires_at AS "expiresAt", remaining FROM point_lots
     WHERE member_id = $1 AND remaining > 0 ORDER BY expires_at ASC NULLS LAST, position ASC`,
    [memberId],
  )

export const takeFromLot = async (sql: Sql, spendId: string, lotId: string, points: number): Promise<void> => {
  await sql.query(`UPDATE point_lots SET remaining = remaining - $2 WHERE entry_id = $1`, [lotId, points])
  await sql.query(`INSERT INTO lot_takes (spend_entry_id, lot_entry_id, points) VALUES ($1, $2, $3)`, [
    spendId,
    lotId,
    points,
  ])
}

export const emptyLot = async (sql: Sql, lotId: string): Promise<void> => {
  await sql.query(`UPDATE point_lots SET remaining = 0 WHERE entry_id = $1`, [lotId])
}

export const expiredLots = async (sql: Sql, memberId: string, nowMs: number): Promise<LotRow[]> =>
  sql.query<LotRow>(
    `SELECT entry_id AS "entryId", expires_at AS "expiresAt", remaining FROM point_lots
     WHERE member_id = $1 AND remaining > 0 AND expires_at < $2 ORDER BY expires_at, position`,
    [memberId, new Date(nowMs)],
  )

export const hasExpiredLots = async (sql: Sql, memberId: string, nowMs: number): Promise<boolean> => {
  const rows = await sql.query(
    `SELECT 1 FROM point_lots WHERE member_id = $1 AND remaining > 0 AND expires_at < $2 LIMIT 1`,
    [memberId, new Date(nowMs)],
  )
  return rows.length > 0
}

/** Open lots expiring in [fromMs, toMs), earliest first. */
export const lotsExpiringBetween = async (sql: Sql, memberId: string, fromMs: number, toMs: number) =>
  sql.query<{ expiresAt: Date; remaining: number }>(
    `SELECT expires_at AS "expiresAt", remaining FROM point_lots
     WHERE member_id = $1 AND remaining > 0 AND expires_at >= $2 AND expires_at < $3 ORDER BY expires_at`,
    [memberId, new Date(fromMs), new Date(toMs)],
  )

/** What a spend took, grouped by the expiry the points had, earliest first. */
export const takesOf = async (sql: Sql, spendId: string) =>
  sql.query<{ expiresAt: Date | null; points: number }>(
    `SELECT lot.expires_at AS "expiresAt", sum(take.points)::int AS points
     FROM lot_takes take JOIN point_lots lot ON lot.entry_id = take.lot_entry_id
     WHERE take.spend_entry_id = $1 GROUP BY lot.expires_at ORDER BY lot.expires_at ASC NULLS LAST`,
    [spendId],
  )

export const pointsOfTypeBetween = async (
  sql: Sql,
  memberId: string,
  type: string,
  fromMs: number,
  toMs: number,
): Promise<number> => {
  const [row] = await sql.query<{ points: number }>(
    `SELECT coalesce(sum(delta), 0)::int AS points FROM ledger_entries
     WHERE member_id = $1 AND type = $2 AND delta > 0 AND created_at >= $3 AND created_at < $4`,
    [memberId, type, new Date(fromMs), new Date(toMs)],
  )
  return row?.points ?? 0
}

export const entryById = async (sql: Sql, id: string): Promise<EntryRow | null> => {
  const [row] = await sql.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE id = $1`, [id])
  return row ?? null
}

/** Newest first; an expiry is dated when its lot expired, so append order alone would not do. */
export const entriesPage = async (
  sql: Sql,
  memberId: string,
  options: { direction?: 'earned' | 'spent'; after: readonly [number, number] | null; limit: number },
): Promise<EntryRow[]> => {
  const where = ['member_id = $1']
  const params: unknown[] = [memberId]
  if (options.direction === 'earned') where.push('delta > 0')
  if (options.direction === 'spent') where.push('delta < 0')
  if (options.after) {
    params.push(new Date(options.after[0]), options.after[1])
    where.push(`(created_at, position) < ($${params.length - 1}, $${params.length})`)
  }
  params.push(options.limit)
  return sql.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE ${where.join(' AND ')}
     ORDER BY created_at DESC, position DESC LIMIT $${params.length}`,
    params,
  )
}

/** Every entry of a member in append order (the preview tools and the invariant tests replay it). */
export const allEntries = async (sql: Sql, memberId: string): Promise<EntryRow[]> =>
  sql.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE member_id = $1 ORDER BY position`, [memberId])

export const allOpenLots = async (sql: Sql, memberId: string): Promise<LotRow[]> =>
  sql.query<LotRow>(
    `SELECT entry_id AS "entryId", expires_at AS "expiresAt", remaining FROM point_lots
     WHERE member_id = $1 AND remaining > 0 ORDER BY position`,
    [memberId],
  )

/** When the member's positive entries of a type were made, oldest first; only from `fromMs` on when given. */
export const earnedTimes = async (sql: Sql, memberId: string, type: string, fromMs?: number): Promise<Date[]> => {
  const rows = await sql.query<{ createdAt: Date }>(
    `SELECT created_at AS "createdAt" FROM ledger_entries
     WHERE member_id = $1 AND type = $2 AND delta > 0 AND ($3::timestamptz IS NULL OR created_at >= $3)
     ORDER BY created_at`,
    [memberId, type, fromMs === undefined ? null : new Date(fromMs)],
  )
  return rows.map((row) => row.createdAt)
}
