import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/**
 * The one way modules reach the database: a query inside a transaction. Rows come back as plain objects with
 * the column names of the SQL (write `AS "camelCase"` to get the names the code uses).
 */
export type Sql = {
  query: <Row = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<Row[]>
  /** Several statements without parameters (a migration file). */
  exec: (text: string) => Promise<void>
}

export type StoreKind = 'pglite-file' | 'pglite-memory' | 'postgres'

export type Database = {
  readonly kind: StoreKind
  /** Where the data lives, for the start-up line: a folder, "memory", or the server without its password. */
  readonly location: string
  /**
   * Runs `work` in one transaction: all of it is kept, or (when it throws) none of it. On a real PostgreSQL
   * server, a transaction that loses a serialization or deadlock race is run again from the start.
   */
  transaction: <T>(work: (sql: Sql) => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

export type OpenDatabaseOptions =
  | { kind: 'pglite-file'; dataDir: string }
  | { kind: 'pglite-memory'; instance?: PGlite }
  | { kind: 'postgres'; url: string; poolSize?: number }

// PostgreSQL's bigint and numeric arrive as strings from node-postgres; every number the server stores fits in a
// double (points, fen, milliseconds), so read them as numbers on both drivers alike.
pg.types.setTypeParser(20, (value) => Number(value))
pg.types.setTypeParser(1700, (value) => Number(value))

/**
 * Instants go to the database as ISO-8601 text, which PostgreSQL reads into timestamptz exactly. (A Date made in
 * another JavaScript realm, as in jest's sandbox, is not `instanceof Date` for the driver.)
 */
const toParam = (value: unknown): unknown =>
  Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value

const toParams = (params: readonly unknown[]): unknown[] => params.map(toParam)

const RETRYABLE = new Set(['40001', '40P01'])
const MAX_ATTEMPTS = 5

/**
 * PGlite is one connection: while a transaction runs, any other query would join it. Every transaction waits
 * its turn in this queue, so concurrent requests never interleave inside one another's transaction.
 */
const openPglite = async (
  db: PGlite,
  kind: 'pglite-file' | 'pglite-memory',
  location: string,
  onClose: () => void,
  ownsEngine = true,
): Promise<Database> => {
  await db.waitReady
  let queue: Promise<unknown> = Promise.resolve()
  let isClosing = false
  return {
    kind,
    location,
    transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      // PGlite fails badly (inside its WebAssembly) on a query that reaches it during or after close().
      if (isClosing) return Promise.reject(new Error('The database is closed.'))
      const run = queue.then(() =>
        db.transaction(async (tx) => {
          const sql: Sql = {
            query: async <Row>(text: string, params: readonly unknown[] = []) =>
              (await tx.query<Row>(text, toParams(params))).rows,
            exec: async (text: string) => {
              await tx.exec(text)
            },
          }
          return work(sql)
        }),
      )
      queue = run.catch(() => undefined)
      return run
    },
    async close() {
      if (isClosing) return
      // No transaction joins the queue from here on, so waiting for its tail waits for every one of them.
      isClosing = true
      await queue
      if (ownsEngine) await db.close()
      onClose()
    },
  }
}

/** The data folders' locks this process holds: its own pid in a lock it does not hold is a dead server's. */
const locksHeld = new Set<string>()

/** Two processes on one PGlite folder corrupt it: the second one is refused with the first one's pid. */
const takeDataDirLock = (dataDir: string): (() => void) => {
  const lockPath = path.resolve(dataDir, 'server.lock')
  const tryCreate = (): boolean => {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw error
    }
  }
  if (!tryCreate()) {
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim())
    let isAlive = false
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid) {
      try {
        process.kill(holder, 0)
        isAlive = true
      } catch (error) {
        isAlive = (error as NodeJS.ErrnoException).code === 'EPERM'
      }
    }
    // In a container the server is often pid 1 at every start, so a lock left by a killed one names this very
    // process: that is stale unless this process took it itself (a second open of one folder).
    if (isAlive || locksHeld.has(lockPath))
      throw new Error(
        `Another server (pid ${holder}) is using the data folder ${dataDir}. Two servers on one PGlite folder corrupt it: stop that one, or give this one its own MOCK_DATA_DIR (or a DATABASE_URL).`,
      )
    // Left by a server that was killed: nobody holds it any more.
    fs.rmSync(lockPath, { force: true })
    if (!tryCreate()) throw new Error(`Could not take the lock ${lockPath}.`)
  }
  locksHeld.add(lockPath)
  let isReleased = false
  return () => {
    if (isReleased) return
    isReleased = true
    locksHeld.delete(lockPath)
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath, { force: true })
    } catch {
      /* already gone */
    }
  }
}

const openPostgres = async (url: string, poolSize: number): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // An idle client that loses its server must not take the process down; the next query reports it.
  pool.on('error', () => undefined)
  const client = await pool.connect()
  client.release()
  // The start-up line names the server without its password, given in the URL's user part or as a parameter.
  const parsed = new URL(url)
  parsed.password = ''
  for (const key of [...parsed.searchParams.keys()]) if (/pass/i.test(key)) parsed.searchParams.delete(key)
  return {
    kind: 'postgres',
    location: parsed.toString(),
    async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        const connection = await pool.connect()
        let isBroken = false
        try {
          await connection.query('BEGIN')
          const sql: Sql = {
            query: async <Row>(text: string, params: readonly unknown[] = []) =>
              (await connection.query(text, toParams(params))).rows as Row[],
            exec: async (text: string) => {
              await connection.query(text)
            },
          }
          const result = await work(sql)
          await connection.query('COMMIT')
          return result
        } catch (error) {
          await connection.query('ROLLBACK').catch(() => {
            isBroken = true
          })
          const code = (error as { code?: string }).code
          if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue
          throw error
        } finally {
          connection.release(isBroken)
        }
      }
    },
    close: () => pool.end(),
  }
}

/**
 * Every new PGlite cluster runs initdb inside WebAssembly: 2-3 s on this kind of machine, on each `npm start` with
 * MOCK_STORE=memory, each fresh data folder, and each test server. A tarball of one pristine cluster (about 40 MB,
 * made once per PGlite version in the OS temp folder, written atomically) starts the next new cluster in about
 * half a second. The tarball is what initdb made, before anything was written: migrations still run at start-up.
 * Any trouble with it (unwritable folder, a damaged file) falls back to initdb and never stops a server.
 */
const PGLITE_VERSION: string = (() => {
  try {
    // The package's own package.json is not in its exports map: walk up from its entry file instead.
    for (
      let dir = path.dirname(require.resolve('@electric-sql/pglite'));
      dir !== path.dirname(dir);
      dir = path.dirname(dir)
    ) {
      const file = path.join(dir, 'package.json')
      if (!fs.existsSync(file)) continue
      const found = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (found.name === '@electric-sql/pglite' && found.version) return found.version
    }
  } catch {
    /* not resolvable here (jest maps the package): a tarball of another version fails to start and is replaced */
  }
  return 'any'
})()

/** MOCK_PGLITE_CACHE_DIR moves it (an unwritable or shared temp folder). */
export const pristineClusterFile = (): string =>
  path.join(
    process.env.MOCK_PGLITE_CACHE_DIR || os.tmpdir(),
    `fanloop-pglite-${PGLITE_VERSION}-${process.getuid?.() ?? 'user'}-initdb.tar`,
  )

const readPristineCluster = (): Blob | undefined => {
  try {
    return new Blob([fs.readFileSync(pristineClusterFile())])
  } catch {
    return undefined
  }
}

const keepPristineCluster = async (db: PGlite): Promise<void> => {
  const file = pristineClusterFile()
  if (fs.existsSync(file)) return
  try {
    const tarball = await db.dumpDataDir('none')
    const partial = `${file}.${process.pid}.partial`
    fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()))
    fs.renameSync(partial, file)
  } catch {
    /* no cache this time: the next new cluster runs initdb too */
  }
}

/** A new (empty) cluster, in memory or in `folder`: from the pristine tarball when there is one, else initdb. */
export const newPgliteCluster = async (folder?: string): Promise<PGlite> => {
  const pristine = readPristineCluster()
  if (pristine) {
    try {
      return await PGlite.create(folder, { loadDataDir: pristine })
    } catch {
      fs.rmSync(pristineClusterFile(), { force: true })
      if (folder) fs.rmSync(folder, { recursive: true, force: true })
    }
  }
  const db = await PGlite.create(folder)
  await keepPristineCluster(db)
  return db
}

const isNewFolder = (folder: string): boolean => !fs.existsSync(folder) || fs.readdirSync(folder).length === 0

export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> => {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize ?? 10)
  if (options.kind === 'pglite-memory') {
    // An instance handed in belongs to its owner (tests share one per worker): closing this handle leaves it open.
    if (options.instance) return openPglite(options.instance, 'pglite-memory', 'memory', () => undefined, false)
    return openPglite(await newPgliteCluster(), 'pglite-memory', 'memory', () => undefined)
  }
  const dataDir = path.resolve(options.dataDir)
  fs.mkdirSync(dataDir, { recursive: true })
  const release = takeDataDirLock(dataDir)
  try {
    const folder = path.join(dataDir, 'pgdata')
    const db = isNewFolder(folder) ? await newPgliteCluster(folder) : new PGlite(folder)
    return await openPglite(db, 'pglite-file', dataDir, release)
  } catch (error) {
    release()
    throw error
  }
}

/** The SQLSTATE of a unique-key violation: the database refused a second row where only one may exist. */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  (error as { code?: string }).code === '23505' &&
  (constraint === undefined || (error as { constraint?: string }).constraint === constraint)

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * The same engine seen through one PostgreSQL schema (namespace): tests run many isolated stores on one
 * PGlite or one server this way, each created, migrated and seeded in a fraction of a second. Closing the view
 * leaves the engine open.
 */
export const inSchema = (db: Database, schema: string): Database => {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Not a schema name: ${schema}`)
  return {
    kind: db.kind,
    location: `${db.location} (schema ${schema})`,
    transaction: (work) =>
      db.transaction(async (sql) => {
        await sql.query(`SET LOCAL search_path TO ${schema}`)
        return work(sql)
      }),
    close: () => Promise.resolve(),
  }
}
