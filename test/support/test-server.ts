import type { Hono } from 'hono'
import type { AppConfig } from '../../src/contract/all'
import { createServerApp, resetData } from '../../mock/app'
import type { Database } from '../../mock/platform/db'
import { inSchema, openDatabase } from '../../mock/platform/db'
import { migrate } from '../../mock/platform/migrate'
import type { ServerSettings } from '../../mock/platform/settings'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'

/**
 * One embedded PostgreSQL (PGlite) per jest worker, shared by its test files (test/support/shared-pglite.js),
 * and a fresh schema on it for every app a test asks for: migrated and seeded in about a second, isolated from
 * every other app.
 * With DATABASE_URL set, the schemas live on that PostgreSQL server instead (one pool per test file).
 */
let engine: Promise<Database> | null = null
let schemaCount = 0

type SharedEngine = () => Promise<InstanceType<typeof import('@electric-sql/pglite').PGlite>>

const engineOf = (): Promise<Database> =>
  (engine ??= process.env.TEST_DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL, poolSize: 12 })
    : (globalThis as { __FANLOOP_SHARED_PGLITE__?: SharedEngine }).__FANLOOP_SHARED_PGLITE__!().then((instance) =>
        openDatabase({ kind: 'pglite-memory', instance }),
      ))

/** This file's schemas, dropped when it ends so a worker's shared engine does not grow file after file. */
const schemas: string[] = []

// Started before the first test, so no test's own time (or a waitFor's) pays for booting PostgreSQL.
beforeAll(async () => {
  await engineOf()
}, 60_000)

/** Apps still being created: the engine waits for them before it closes (a test may never use its app). */
const creating = new Set<Promise<unknown>>()

afterAll(async () => {
  await Promise.allSettled([...creating])
  const current = engine
  engine = null
  if (!current) return
  const db = await current
  for (const schema of schemas.splice(0)) await db.transaction((sql) => sql.exec(`DROP SCHEMA ${schema} CASCADE`))
  await db.close()
})

export type TestApp = { app: Hono; db: Database }

export type CallOptions = { token?: string; body?: unknown; key?: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes field by field (or parse them)
export type Answer = { status: number; body: any }

/**
 * Calls the app's API in-process as the app's transport does: JSON body, Bearer token, and a fresh
 * Idempotency-Key unless the test passes one (to replay a write). No answer may be a 5xx: the server maps
 * every refusal to a 4xx, so a 5xx here is a bug whatever the test is about.
 */
export type ApiCall = (method: string, path: string, options?: CallOptions) => Promise<Answer>

export const apiCaller = (app: Hono): ApiCall => {
  let keys = 0
  return async (method: string, path: string, { token, body, key }: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'Idempotency-Key': key ?? `k-${(keys += 1)}` }
    if (token) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await app.fetch(
      new Request(`http://mock.test/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    expect(response.status).toBeLessThan(500)
    return { status: response.status, body: (await response.json()) as Answer['body'] }
  }
}

export type TestAppOptions = {
  realNow?: () => number
  settings?: ServerSettings
  hasTools?: boolean
  /** Changes to the seed's program config (e.g. a route switched on). */
  config?: (config: AppConfig) => AppConfig
}

export const createTestApp = (options: TestAppOptions = {}): Promise<TestApp> => {
  const created = build(options)
  creating.add(created)
  void created.then(
    () => creating.delete(created),
    () => creating.delete(created),
  )
  return created
}

const build = async ({
  realNow = Date.now,
  settings,
  hasTools,
  config: change,
}: TestAppOptions = {}): Promise<TestApp> => {
  const base = await engineOf()
  // Unique across test files sharing one PostgreSQL server (each jest worker is its own process).
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${(schemaCount += 1)}`
  schemas.push(schema)
  await base.transaction((sql) => sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`))
  const db = inSchema(base, schema)
  await migrate(db)
  const config = change ? change(seedConfig()) : seedConfig()
  const serverSettings = settings ?? DEFAULT_SETTINGS
  await db.transaction((sql) =>
    resetData({ sql, nowMs: realNow(), realNowMs: realNow(), config, settings: serverSettings }, realNow()),
  )
  return { app: createServerApp({ db, config, settings: serverSettings, realNow, hasTools }), db }
}
