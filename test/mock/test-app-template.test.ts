import { resetData } from '../../mock/app'
import type { Database, Sql } from '../../mock/platform/db'
import { inSchema } from '../../mock/platform/db'
import { MIGRATIONS_TABLE, migrate } from '../../mock/platform/migrate'
import { DEFAULT_SETTINGS } from '../../mock/platform/settings'
import { seedConfig } from '../../mock/seed/config'
import { apiCaller, createTestApp, shapeOf } from '../support/test-server'

// Test apps are filled by copying a seeded template schema (test/support/test-server.ts), not seeded one by one, often
// into a spare schema an earlier file used: every other test trusts that this is what seeding would have made.
const NOW = Date.parse('2026-06-15T10:00:00+08:00')

/** Rows per table and where each sequence stands: what a copy must carry over from its template. */
const shape = async (sql: Sql) => {
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  )
  const rows: Record<string, number> = {}
  for (const { name } of tables)
    rows[name] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n
  const sequences = await sql.query<{ name: string; value: number | null }>(
    `SELECT sequencename AS name, last_value AS value FROM pg_sequences
      WHERE schemaname = current_schema() ORDER BY sequencename`,
  )
  return { rows, sequences }
}

test('a test app holds every row and sequence position that seeding it would have made', async () => {
  const { db } = await createTestApp({ realNow: () => NOW })
  const copied = await db.transaction(shape)
  // Beside it, a schema migrated and seeded the way a server does it (a view nested in the app's takes its place).
  const schema = `seeded_here_${process.pid}`
  await db.transaction((sql) => sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`))
  const seededDb = inSchema(db, schema)
  await migrate(seededDb)
  await seededDb.transaction((sql) =>
    resetData({ sql, nowMs: NOW, realNowMs: NOW, config: seedConfig(), settings: DEFAULT_SETTINGS }, NOW),
  )
  const seeded = await seededDb.transaction(shape)
  await db.transaction((sql) => sql.exec(`DROP SCHEMA ${schema} CASCADE`))
  expect(copied).toEqual(seeded)
  // Not an empty comparison: the demo's members, ledgers and ids are there.
  expect(seeded.rows.members).toBeGreaterThan(3)
  expect(seeded.rows.ledger_entries).toBeGreaterThan(10)
  expect(seeded.sequences.find(({ name }) => name === 'ids')?.value).toBeGreaterThan(1000)
})

test('apps copied from one template are apart: a write in one is not in the other, and new ids do not collide', async () => {
  const first = await createTestApp({ realNow: () => NOW })
  const second = await createTestApp({ realNow: () => NOW })
  const callFirst = apiCaller(first.app)
  // A new member: its id comes from the copied sequence, past every seeded one (a collision would be a 5xx).
  const signUp = async (call: ReturnType<typeof apiCaller>): Promise<string> => {
    const answer = await call('POST', '/auth/phone', { body: { phone: '13912340077', smsCode: '123456' } })
    expect(answer.status).toBe(200)
    return answer.body.token as string
  }
  const token = await signUp(callFirst)
  expect((await callFirst('POST', '/checkin', { token })).status).toBe(201)
  expect((await callFirst('GET', '/checkin/calendar', { token })).body.checkedInToday).toBe(true)
  const callSecond = apiCaller(second.app)
  const secondToken = await signUp(callSecond)
  expect((await callSecond('GET', '/checkin/calendar', { token: secondToken })).body.checkedInToday).toBe(false)
})

test('a schema a test changed (a table added, a column dropped, the record renamed) is no spare: its shape differs', async () => {
  const apps = await Promise.all([1, 2, 3, 4].map(() => createTestApp({ realNow: () => NOW })))
  const schemaOf = (db: Database) =>
    db.transaction((sql) => sql.query<{ name: string }>('SELECT current_schema() AS name'))
  const names = await Promise.all(apps.map(async ({ db }) => (await schemaOf(db))[0]!.name))
  const shape = (index: number) => apps[index]!.db.transaction((sql) => shapeOf(sql, names[index]!))
  const asMigrated = await shape(0)
  expect(await shape(1)).toBe(asMigrated)
  await apps[1]!.db.transaction((sql) => sql.exec('CREATE TABLE brand_customers (id int PRIMARY KEY)'))
  await apps[2]!.db.transaction((sql) => sql.exec('ALTER TABLE members DROP COLUMN signup_ref'))
  await apps[3]!.db.transaction((sql) => sql.exec(`ALTER TABLE ${MIGRATIONS_TABLE} RENAME TO schema_migrations`))
  expect(await shape(1)).not.toBe(asMigrated)
  expect(await shape(2)).not.toBe(asMigrated)
  await expect(shape(3)).rejects.toThrow()
})
