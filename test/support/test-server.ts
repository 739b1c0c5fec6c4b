import type { Hono } from 'hono'
import { createServerApp, resetData } from '../../mock/app'
import type { Database } from '../../mock/platform/db'
import { inSchema, openDatabase } from '../../mock/platform/db'
import { migrate } from '../../mock/platform/migrate'
import type { ServerSettings } from '../../mock/platform/settings'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'

/**
 * One embedded PostgreSQL (PGlite) per test file, started on first use (~1-3 s), and a fresh schema on it for
 * every app a test asks for: migrated and seeded in a fraction of a second, isolated from every other app.
 * With DATABASE_URL set, the schemas live on that PostgreSQL server instead (one pool per test file).
 */
let engine: Promise<Database> | null = null
let schemaCount = 0

const engineOf = (): Promise<Database> =>
  (engine ??= process.env.TEST_DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL, poolSize: 12 })
    : openDatabase({ kind: 'pglite-memory' }))

// Started before the first test, so no test's own time (or a waitFor's) pays for booting PostgreSQL.
beforeAll(async () => {
  await engineOf()
}, 60_000)

afterAll(async () => {
  const current = engine
  engine = null
  if (current) await (await current).close()
})

export type TestApp = { app: Hono; db: Database }

export type TestAppOptions = { realNow?: () => number; settings?: ServerSettings; hasTools?: boolean }

export const createTestApp = async ({
  realNow = Date.now,
  settings,
  hasTools,
}: TestAppOptions = {}): Promise<TestApp> => {
  const base = await engineOf()
  // Unique across test files sharing one PostgreSQL server (each jest worker is its own process).
  const schema = `t_${process.pid}_${(schemaCount += 1)}`
  await base.transaction((sql) => sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`))
  const db = inSchema(base, schema)
  await migrate(db)
  const config = seedConfig()
  const serverSettings = settings ?? DEFAULT_SETTINGS
  await db.transaction((sql) =>
    resetData({ sql, nowMs: realNow(), realNowMs: realNow(), config, settings: serverSettings }, realNow()),
  )
  return { app: createServerApp({ db, config, settings: serverSettings, realNow, hasTools }), db }
}
