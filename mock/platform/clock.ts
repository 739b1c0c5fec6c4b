import type { Sql } from './db'

export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/**
 * The server's clock: real time plus an offset kept in the database, so every server process on one database
 * agrees on the time, and a moved clock survives restarts. Operators move it with /__mock/clock.
 */
export const readClockOffset = async (sql: Sql): Promise<number> => {
  const [row] = await sql.query<{ offsetMs: number }>(`SELECT offset_ms AS "offsetMs" FROM mock_clock`)
  return Number(row?.offsetMs ?? 0)
}

export const writeClockOffset = async (sql: Sql, offsetMs: number): Promise<void> => {
  await sql.query(`UPDATE mock_clock SET offset_ms = $1`, [Math.round(offsetMs)])
}
