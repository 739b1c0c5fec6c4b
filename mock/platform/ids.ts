import type { Sql } from './db'

/** A new id like "pt-1042": one sequence for every kind, so an id never names two things. */
export const newId = async (sql: Sql, prefix: string): Promise<string> => {
  const [row] = await sql.query<{ n: number }>(`SELECT nextval('ids')::int AS n`)
  if (!row) throw new Error('The id sequence answered nothing')
  return `${prefix}-${row.n}`
}
