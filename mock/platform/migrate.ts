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
