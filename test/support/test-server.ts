import { randomBytes } from 'node:crypto'
import type { Hono } from 'hono'
import type { AppConfig } from '../../src/contract/all'
import { createServerApp, resetData } from '../../mock/app'
import type { Database, Sql } from '../../mock/platform/db'
import { inSchema, newPgliteCluster, openDatabase } from '../../mock/platform/db'
import { MIGRATIONS_TABLE, migrate } from '../../mock/platform/migrate'
import type { ServerSettings } from '../../mock/platform/settings'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'

/**
 * One embedded PostgreSQL (PGlite) per jest worker, shared by its test files (test/support/shared-pglite.js),
 * and a fresh schema on it for every app a test asks for: migrated (or a spare an earlier file left), then filled with
 * a copy of a seeded template, isolated from every other app.
 * With TEST_DATABASE_URL set, the schemas live on that PostgreSQL server instead (one pool per test file).
 */
let engine: Promise<Database> | null = null
let schemaCount = 0

type PGliteInstance = InstanceType<typeof import('@electric-sql/pglite').PGlite>
type SharedEngine = (create: () => Promise<PGliteInstance>) => Promise<PGliteInstance>

const engineOf = (): Promise<Database> =>
  (engine ??= process.env.TEST_DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL, poolSize: 12 })
    : (globalThis as { __FANLOOP_SHARED_PGLITE__?: SharedEngine }).__FANLOOP_SHARED_PGLITE__!(() =>
        newPgliteCluster(),
      ).then((instance) => openDatabase({ kind: 'pglite-memory', instance })))

/**
 * This file's schemas, dropped when it ends so a worker's shared engine does not grow file after file; on PGlite,
 * those whose tables are still as the migrations made them are kept as spares instead (spareSchemas).
 */
const schemas: string[] = []

/**
 * Migrating a new schema takes 0.15-0.8 s, and the in-process suite asks for some 450 apps (its run on 2 cores went
 * from 389 to 291 s with spares). Filling a spare again with a template's rows replaces every row and sequence
 * position, so a spare is as good as new as long as its tables, columns, keys and triggers are the migrations' (a
 * test may add a table or rename one).
 * A spare is renamed while it waits, so an app of the file that left it (a late request) no longer reaches it.
 * PGlite only: on a PostgreSQL server each file has its own pool and connections, and drops what it made.
 */
const spareSchemas = (): string[] | null =>
  process.env.TEST_DATABASE_URL
    ? null
    : (globalThis as { __FANLOOP_SPARE_SCHEMAS__?: string[] }).__FANLOOP_SPARE_SCHEMAS__!

/** What a schema's tables are made of, without their names' schema: equal for two schemas the same migrations made. */
export const shapeOf = async (sql: Sql, schema: string): Promise<string> => {
  const [row] = await sql.query<{ shape: string | null }>(
    `SELECT md5(string_agg(item, ',' ORDER BY item)) AS shape FROM (
       SELECT relname || ':' || relkind::text AS item FROM pg_class WHERE relnamespace = $1::regnamespace
       UNION ALL
       SELECT c.relname || '.' || a.attname || ':' || a.atttypid::text || ':' || a.attnotnull::text || ':' ||
              a.atthasdef::text || ':' || a.attidentity::text
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = $1::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
       UNION ALL
       SELECT conname || ':' || contype::text || ':' || conkey::text
         FROM pg_constraint WHERE connamespace = $1::regnamespace
       UNION ALL
       SELECT t.tgname || ':' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = $1::regnamespace AND NOT t.tgisinternal
     ) AS items`,
    [schema],
  )
  const [record] = await sql.query<{ versions: string | null }>(
    `SELECT string_agg(version, ',' ORDER BY version) AS versions FROM "${schema}".${MIGRATIONS_TABLE}`,
  )
  return `${row?.shape ?? ''} ${record?.versions ?? ''}`
}

// Started before the first test, so no test's own time (or a waitFor's) pays for booting PostgreSQL.
beforeAll(async () => {
  await engineOf()
}, 60_000)

/** Apps still being created: the engine waits for them before it closes (a test may never use its app). */
const creating = new Set<Promise<unknown>>()

/**
 * Servers on this file's schemas (the browser journeys' and the weapp tests'): this file's afterAll closes them before
 * their schemas are dropped or kept as spares, so no request of theirs reaches a schema that has gone.
 */
const servers = new Set<() => Promise<void>>()
export const closeWhenFileEnds = (close: () => Promise<void>): void => {
  servers.add(close)
}

afterAll(async () => {
  await Promise.allSettled([...servers].map((close) => close()))
  servers.clear()
  await Promise.allSettled([...creating])
  const current = engine
  engine = null
  if (!current) return
  const db = await current
  const spares = spareSchemas()
  // The shape every spare must have: a template's, which the migrations made and nothing changed since.
  const template = spares ? await [...templatesOf().values()][0]?.catch(() => undefined) : undefined
  const expected = template ? await db.transaction((sql) => shapeOf(sql, template)).catch(() => null) : null
  for (const schema of schemas.splice(0)) {
    // A renamed MIGRATIONS_TABLE (migrate's tests) fails the record's query: not a spare then.
    const shape = expected ? await db.transaction((sql) => shapeOf(sql, schema)).catch(() => null) : null
    if (spares && shape !== null && shape === expected) {
      // Not from this file's count: the worker's later files start counting again.
      const spare = `spare_${randomBytes(8).toString('hex')}`
      await db.transaction((sql) => sql.exec(`ALTER SCHEMA ${schema} RENAME TO ${spare}`))
      spares.push(spare)
    } else await db.transaction((sql) => sql.exec(`DROP SCHEMA ${schema} CASCADE`))
  }
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

const tracked = <T>(created: Promise<T>): Promise<T> => {
  creating.add(created)
  void created.then(
    () => creating.delete(created),
    () => creating.delete(created),
  )
  return created
}

export const createTestApp = ({
  realNow = Date.now,
  settings = DEFAULT_SETTINGS,
  hasTools,
  config: change,
}: TestAppOptions = {}): Promise<TestApp> =>
  tracked(
    (async () => {
      const config = change ? change(seedConfig()) : seedConfig()
      const db = await seededDatabase({ realNow, config, settings })
      return { app: createServerApp({ db, config, settings, realNow, hasTools }), db }
    })(),
  )

/**
 * A seeded database for a server of the test's own (startMockServer's `db`): a schema like a test app's, on the same
 * engine, so a file that serves over HTTP (browser journeys, weapp tests) pays for no PGlite boot, migration or seed.
 */
export const createTestDatabase = ({
  realNow = Date.now,
  settings = DEFAULT_SETTINGS,
  config = seedConfig(),
}: { realNow?: () => number; settings?: ServerSettings; config?: AppConfig } = {}): Promise<Database> =>
  tracked(seededDatabase({ realNow, config, settings }))

/**
 * A new schema holding the migrated tables: a spare (with an earlier file's rows in them) when `isSpareFine`, or
 * migrated now.
 */
const migratedSchema = async (
  base: Database,
  prefix: string,
  isSpareFine: boolean,
): Promise<{ schema: string; db: Database }> => {
  // Unique across test files sharing one PostgreSQL server (each jest worker is its own process).
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}_${(schemaCount += 1)}`
  schemas.push(schema)
  const spare = isSpareFine ? spareSchemas()?.pop() : undefined
  if (spare) {
    await base.transaction((sql) => sql.exec(`ALTER SCHEMA ${spare} RENAME TO ${schema}`))
    return { schema, db: inSchema(base, schema) }
  }
  await base.transaction((sql) => sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`))
  const db = inSchema(base, schema)
  await migrate(db)
  return { schema, db }
}

type SeedFor = { realNow: () => number; config: AppConfig; settings: ServerSettings }

/**
 * Seeding through the services takes 1-2 s, copying the rows of a seeded schema a tenth of that, and the suite
 * asks for some 450 apps. So each kind of seed is made once, in a template schema, and copied: on PGlite
 * once per jest worker (the map lives beside its engine), on a PostgreSQL server once per file (its schemas go
 * with the file). The seed places its rows relative to the real time, so a template serves the apps asked for in
 * the same minute: a minute never straddles two business days (every time zone's offset is whole minutes).
 */
const templates = new Map<string, Promise<string>>()
const templatesOf = (): Map<string, Promise<string>> =>
  process.env.TEST_DATABASE_URL
    ? templates
    : (globalThis as { __FANLOOP_SEED_TEMPLATES__?: Map<string, Promise<string>> }).__FANLOOP_SEED_TEMPLATES__!

const seededTemplate = (base: Database, { realNow, config, settings }: SeedFor): Promise<string> => {
  const nowMs = realNow()
  const key = JSON.stringify([Math.floor(nowMs / 60_000), config, settings])
  const known = templatesOf().get(key)
  if (known) return known
  const made = (async () => {
    // Never a spare: a template's sequences start where a new server's do, and it is the shape spares are held to.
    const { schema, db } = await migratedSchema(base, 'seed', false)
    // Not dropped with this file on PGlite: later files of the worker copy it.
    if (!process.env.TEST_DATABASE_URL) schemas.splice(schemas.indexOf(schema), 1)
    await db.transaction((sql) => resetData({ sql, nowMs, realNowMs: nowMs, config, settings }, nowMs))
    return schema
  })()
  templatesOf().set(key, made)
  made.catch(() => templatesOf().delete(key))
  return made
}

/**
 * Every row of the template into the (migrated, current) schema, in place of any there, and every sequence where the
 * template's stands.
 * Replica mode skips the foreign-key triggers, so tables copy in any order; identity columns keep their values.
 * (Test-only: it needs the superuser that PGlite and the throwaway test cluster run as.)
 */
const copyTemplate = (sql: Sql, template: string): Promise<void> =>
  sql.exec(`
    SET LOCAL session_replication_role = replica;
    DO $copy$
    DECLARE
      own text[] := ARRAY(SELECT tablename::text FROM pg_tables
                           WHERE schemaname = '${template}' AND tablename <> '${MIGRATIONS_TABLE}');
      t text;
      s record;
    BEGIN
      -- The migrations leave rows of their own (the clock's): start from empty tables. DELETE, not TRUNCATE: TRUNCATE
      -- gives each of the ~40 tables and its indexes new files (a copy took ~38 ms with it, ~7 ms without; the
      -- in-process jest step 148 -> 133 s). The dead rows DELETE leaves behind are a few pages per refill of a spare.
      FOREACH t IN ARRAY own LOOP
        EXECUTE format('DELETE FROM %I', t);
        EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I.%I', t, '${template}', t);
      END LOOP;
      -- A spare's sequences moved on under an earlier file: each goes where the template's stands, or to its start.
      FOR s IN SELECT sequencename, last_value, start_value FROM pg_sequences WHERE schemaname = '${template}' LOOP
        PERFORM setval(format('%I', s.sequencename)::regclass, coalesce(s.last_value, s.start_value),
                       s.last_value IS NOT NULL);
      END LOOP;
    END
    $copy$;`)

/** A new schema with the migrated tables and a copy of the seed's rows. */
const seededDatabase = async (seedFor: SeedFor): Promise<Database> => {
  const base = await engineOf()
  const [template, { db }] = await Promise.all([seededTemplate(base, seedFor), migratedSchema(base, 't', true)])
  await db.transaction((sql) => copyTemplate(sql, template))
  return db
}
