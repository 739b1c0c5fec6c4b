import fs from 'node:fs'
import path from 'node:path'
import type { Database } from './db'

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
 * Brings the schema up to date at start-up. Each migration runs in its own transaction with its record; an
 * advisory lock makes several server processes starting at once on one PostgreSQL take turns.
 */
export const migrate = async (db: Database): Promise<string[]> => {
  const applied: string[] = []
  for (const { version, text } of migrationFiles()) {
    const isNew = await db.transaction(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock(7271001)')
      await sql.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      const [done] = await sql.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version])
      if (done) return false
      await sql.exec(text)
      await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version])
      return true
    })
    if (isNew) applied.push(version)
  }
  return applied
}
