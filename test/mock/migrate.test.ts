import type { Database } from '../../mock/platform/db'
import { inSchema, openDatabase } from '../../mock/platform/db'
import { migrate, migrationFiles, MIGRATIONS_TABLE } from '../../mock/platform/migrate'

// A brand's engineer may point DATABASE_URL at a database other tools already use: the server's record of what it
// applied must not be read from, or written into, theirs.
describe('migrations on a database that is not empty', () => {
  let engine: Database
  beforeAll(async () => {
    engine = await openDatabase({ kind: 'pglite-memory' })
  }, 60_000)
  afterAll(() => engine.close())

  const freshSchema = async (name: string, setUp: string): Promise<Database> => {
    await engine.transaction((sql) => sql.exec(`CREATE SCHEMA ${name}; SET LOCAL search_path TO ${name}; ${setUp}`))
    return inSchema(engine, name)
  }
  const versions = migrationFiles().map(({ version }) => version)

  it("runs beside golang-migrate's (or Ecto's) schema_migrations and leaves it as it was", async () => {
    const db = await freshSchema(
      'with_golang_migrate',
      `CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
       INSERT INTO schema_migrations VALUES (20240101120000, false);`,
    )
    expect(await migrate(db)).toEqual(versions)
    expect(await db.transaction((sql) => sql.query('SELECT version, dirty FROM schema_migrations'))).toEqual([
      { version: 20240101120000, dirty: false },
    ])
    expect(await migrate(db)).toEqual([])
  })

  it("writes nothing into Rails' schema_migrations", async () => {
    const db = await freshSchema(
      'with_rails',
      `CREATE TABLE schema_migrations (version character varying NOT NULL PRIMARY KEY);
       INSERT INTO schema_migrations VALUES ('20240101120000');`,
    )
    expect(await migrate(db)).toEqual(versions)
    expect(await db.transaction((sql) => sql.query('SELECT version FROM schema_migrations'))).toEqual([
      { version: '20240101120000' },
    ])
  })

  it('takes over the record an earlier FanLoop server kept as schema_migrations, and applies nothing twice', async () => {
    const db = await freshSchema('from_earlier_server', '')
    // What servers before the rename did: the same record, under the old name.
    await migrate(db)
    await db.transaction((sql) => sql.exec(`ALTER TABLE ${MIGRATIONS_TABLE} RENAME TO schema_migrations`))

    expect(await migrate(db)).toEqual([])
    const tables = await db.transaction((sql) =>
      sql.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%migrations'`,
      ),
    )
    expect(tables.map(({ name }) => name)).toEqual([MIGRATIONS_TABLE])
  })
})
