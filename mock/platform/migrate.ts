import fs from 'node:fs'
import path from 'node:path'
import type { Database, Sql } from './db'

const MIGRATIONS_DIR = path.resolve(__dirname, '../migrations')

/** The numbered SQL files, in order: `001_init.sql`, `002_...`. Plain SQL, the same on PGlite and PostgreSQL. */
export const migrationFiles = (): { version: string; text: string }[] =>
  fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({
      version: name.replace(/\.sql$/, ''),
      text: fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8'),
    }))

/**
 * The tables the migrations make (after their renames), and no others: a brand's database may hold its own tables
 * beside them, which a reset or a first seeding must never touch.
 */
export const ownTables = (): string[] => {
  const tables = new Set<string>()
  for (const { text } of migrationFiles()) {
    const statements = text.replace(/--.*$/gm, '')
    for (const match of statements.matchAll(
      /\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?|\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?\s+RENAME\s+TO\s+"?(\w+)"?|\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?/gi,
    )) {
      const [, created, renamedFrom, renamedTo, dropped] = match
      if (created) tables.add(created.toLowerCase())
      if (renamedFrom && renamedTo) {
        tables.delete(renamedFrom.toLowerCase())
        tables.add(renamedTo.toLowerCase())
      }
      if (dropped) tables.delete(dropped.toLowerCase())
    }
  }
  return [...tables].sort()
}

/**
 * Where the server records the migrations it applied. Not `schema_migrations`: Rails, Ecto and golang-migrate keep
 * theirs under that name, and a brand's database may hold one (with a bigint version, our versions would not even
 * parse there).
 */
export const MIGRATIONS_TABLE = 'fanloop_migrations'

/**
 * Servers before this one kept the record as `schema_migrations (version text, applied_at timestamptz)`: a table of
 * exactly that shape that lists our first migration is ours, and is taken over under the new name (so nothing runs
 * twice). Any other `schema_migrations` belongs to someone else and is left as it is.
 */
const takeOverEarlierRecord = async (sql: Sql): Promise<void> => {
  const [{ isNew } = { isNew: false }] = await sql.query<{ isNew: boolean }>(
    'SELECT to_regclass($1) IS NULL AS "isNew"',
    [MIGRATIONS_TABLE],
  )
  if (!isNew) return
  const columns = await sql.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'schema_migrations' ORDER BY column_name`,
  )
  const shape = columns.map(({ name, type }) => `${name} ${type}`).join(', ')
  if (shape !== 'applied_at timestamp with time zone, version text') return
  const [ours] = await sql.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [migrationFiles()[0]!.version])
  if (ours) await sql.query(`ALTER TABLE schema_migrations RENAME TO ${MIGRATIONS_TABLE}`)
}

/**
 * Brings the schema up to date at start-up. Each migration runs in its own transaction with its record; an
 * advisory lock makes several server processes starting at once on one PostgreSQL take turns.
 */
export const migrate = async (db: Database): Promise<string[]> => {
  await db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(7271001)')
    await takeOverEarlierRecord(sql)
    await sql.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
  })
  const applied: string[] = []
  for (const { version, text } of migrationFiles()) {
    const isNew = await db.transaction(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock(7271001)')
      const [done] = await sql.query(`SELECT 1 FROM ${MIGRATIONS_TABLE} WHERE version = $1`, [version])
      if (done) return false
      await sql.exec(text)
      await sql.query(`INSERT INTO ${MIGRATIONS_TABLE} (version) VALUES ($1)`, [version])
      return true
    })
    if (isNew) applied.push(version)
  }
  return applied
}
