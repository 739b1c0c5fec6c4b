import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { AppConfig } from '../src/contract/all'
import { createServerApp, resetData } from './app'
import { checkConfig, describeFinding } from './config-check'
import { HOUR_MS, readClockOffset } from './platform/clock'
import type { Database } from './platform/db'
import { openDatabase } from './platform/db'
import { API_BASE_PATH } from './platform/http'
import { migrate } from './platform/migrate'
import type { ServerSettings } from './platform/settings'
import { DEFAULT_SETTINGS } from './platform/settings'
import { seedConfig } from './seed/config'
import type { SeedKind } from './seed/index'

export type StoreKind = 'file' | 'memory' | 'postgres'

export type StartMockServerOptions = {
  /** 0 picks a free port. */
  port?: number
  /** The address to listen on: 127.0.0.1 unless told otherwise (MOCK_LISTEN_HOST). */
  hostname?: string
  /** Where PGlite keeps its folder (file store). */
  dataDir?: string
  /** 'file' (PGlite in dataDir, the default), 'memory' (PGlite, nothing kept), or 'postgres' (databaseUrl). */
  storeKind?: StoreKind
  databaseUrl?: string
  /** Connections to a real PostgreSQL server. */
  poolSize?: number
  /**
   * An open, migrated database to serve instead of a store of its own (a test's schema on an engine its test files
   * share). Seeded when empty, as a store is; left open when the server closes: whoever opened it closes it.
   */
  db?: Database
  log?: (message: string) => void
  hasTools?: boolean
  /** What an empty database is seeded with: the demo program (default), or its catalogue alone (MOCK_SEED). */
  seedKind?: SeedKind
  settings?: ServerSettings
  config?: AppConfig
  allowedHosts?: readonly string[]
  allowedOrigins?: readonly string[]
  realNow?: () => number
}

export type MockServer = {
  /** http://127.0.0.1:PORT */
  url: string
  /** url + /api/v1 */
  apiBase: string
  db: Database
  close(): Promise<void>
}

/**
 * A PGlite folder that cannot be opened. Previewing (the operator tools on), it is reported, moved aside as
 * `pgdata.corrupt-<time>` and replaced by a fresh one: the preview always starts. A live server (tools off) stops
 * and says so instead: starting on a fresh demo program would show members no points and take writes that belong
 * to the data set aside. (Another server holding the folder is not corruption: that refuses either way.)
 */
const openPgliteFolder = async (
  dataDir: string,
  startsFresh: boolean,
  log: (message: string) => void,
): Promise<Database> => {
  try {
    const db = await openDatabase({ kind: 'pglite-file', dataDir })
    try {
      await migrate(db)
      return db
    } catch (error) {
      await db.close().catch(() => undefined)
      throw error
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Another server')) throw error
    const folder = path.join(path.resolve(dataDir), 'pgdata')
    if (!startsFresh)
      throw new Error(
        `Could not open the data in ${folder} (${error instanceof Error ? error.message : String(error)}). A server without the operator tools does not replace it with a demo program: restore the folder from a backup, or move it aside to start from a fresh seed.`,
      )
    const aside = `${folder}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    if (fs.existsSync(folder)) fs.renameSync(folder, aside)
    fs.rmSync(path.join(path.resolve(dataDir), 'server.lock'), { force: true })
    log(
      `[mock] Could not open the data in ${folder} (${error instanceof Error ? error.message : String(error)}). Moved it to ${aside} and started from a fresh seed.`,
    )
    const db = await openDatabase({ kind: 'pglite-file', dataDir })
    await migrate(db)
    return db
  }
}

export const openStore = async (
  options: Pick<StartMockServerOptions, 'storeKind' | 'dataDir' | 'databaseUrl' | 'poolSize' | 'hasTools'>,
  log: (message: string) => void,
): Promise<Database> => {
  const kind = options.databaseUrl ? 'postgres' : (options.storeKind ?? 'file')
  if (kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('storeKind postgres needs a databaseUrl (DATABASE_URL)')
    const db = await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: options.poolSize })
    await migrate(db)
    return db
  }
  if (kind === 'memory') {
    const db = await openDatabase({ kind: 'pglite-memory' })
    await migrate(db)
    return db
  }
  return openPgliteFolder(options.dataDir ?? '.data', options.hasTools ?? true, log)
}

/**
 * Seeds an empty database; a database with members or gifts is left as it is (one seeded with the catalogue alone
 * has no members until the first sign-in, and must not be seeded again at the next start).
 */
export const seedIfEmpty = async (
  db: Database,
  config: AppConfig,
  settings: ServerSettings,
  realNow: () => number,
  kind: SeedKind = 'demo',
) =>
  db.transaction(async (sql) => {
    // Several processes starting on one empty PostgreSQL: one seeds, the others find its members.
    await sql.query('SELECT pg_advisory_xact_lock(7271002)')
    const [row] = await sql.query<{ n: number }>(
      'SELECT ((SELECT count(*) FROM members) + (SELECT count(*) FROM gifts))::int AS n',
    )
    if ((row?.n ?? 0) > 0) return false
    await resetData({ sql, nowMs: realNow(), realNowMs: realNow(), config, settings }, realNow(), kind)
    return true
  })

/** Stored balances that differ from what the lots hold: reported at start-up, never served as 500s. */
const checkData = async (db: Database, log: (message: string) => void): Promise<void> => {
  const drifted = await db.transaction((sql) =>
    sql.query<{ id: string; balance: number; lots: number }>(
      `SELECT m.id, m.points_balance AS balance, coalesce(l.remaining, 0)::int AS lots FROM members m
       LEFT JOIN (SELECT member_id, sum(remaining) AS remaining FROM point_lots GROUP BY member_id) l
         ON l.member_id = m.id
       WHERE m.points_balance <> coalesce(l.remaining, 0) LIMIT 10`,
    ),
  )
  for (const row of drifted)
    log(`[mock] Data check: member ${row.id} has a stored balance of ${row.balance} but ${row.lots} points in lots.`)
}

/**
 * A clock moved while previewing stays in the database. Without the operator tools the server keeps real time
 * (createServerApp), and says so, since nothing else would show it.
 */
const reportStoredClock = async (db: Database, log: (message: string) => void): Promise<void> => {
  const offsetMs = await db.transaction(readClockOffset)
  if (offsetMs === 0) return
  const hours = Math.round(Math.abs(offsetMs) / HOUR_MS)
  log(
    `[mock] The preview clock stored in this database is ${hours} hours ${offsetMs > 0 ? 'ahead of' : 'behind'} real time. With the operator tools off this server keeps real time; a server with them on would use it until POST /__mock/reset.`,
  )
}

/**
 * Serves the API on 127.0.0.1 unless `hostname` says otherwise (a load balancer or proxy on another machine or
 * container: MOCK_LISTEN_HOST). The operator routes have no auth: mock/main.ts keeps them off there unless told.
 */
export const startMockServer = async (options: StartMockServerOptions = {}): Promise<MockServer> => {
  const log = options.log ?? (() => {})
  const realNow = options.realNow ?? Date.now
  const config = options.config ?? seedConfig()
  // A config that breaks WeChat's rules or the product's invariants never serves (npm run check:config explains).
  const findings = checkConfig(config)
  const errors = findings.filter((finding) => finding.severity === 'error')
  if (errors.length > 0)
    throw new Error(
      `The program config cannot run:\n${errors.map((finding) => `  ${describeFinding(finding)}`).join('\n')}`,
    )
  for (const warning of findings) log(`[mock] Config ${describeFinding(warning)}`)
  const settings = options.settings ?? DEFAULT_SETTINGS
  const db = options.db ?? (await openStore(options, log))
  const closeStore = () => (options.db ? Promise.resolve() : db.close())
  const hasTools = options.hasTools ?? true
  try {
    const seedKind = options.seedKind ?? 'demo'
    if (await seedIfEmpty(db, config, settings, realNow, seedKind))
      log(
        seedKind === 'demo'
          ? '[mock] Empty database: seeded a fresh program.'
          : '[mock] Empty database: seeded the catalogue alone (gifts, products, plans, topics, tasks; no demo members, posts or invite codes).',
      )
    await checkData(db, log)
    if (!hasTools) await reportStoredClock(db, log)
  } catch (error) {
    await closeStore()
    throw error
  }
  const app = createServerApp({
    db,
    config,
    settings,
    log,
    realNow,
    hasTools,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: options.hostname ?? '127.0.0.1' },
      () => resolve(listening),
    )
    listening.once('error', reject)
  }).catch(async (error: unknown) => {
    // A port already taken must not leave the database open (and a data folder's lock held) behind.
    await closeStore()
    throw error
  })
  // Clients drop an idle keep-alive connection after ~4 s; the server must not close it first, or a request
  // sent on it in that instant fails with "other side closed".
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000
    server.headersTimeout = 66_000
  }
  const { port: boundPort } = server.address() as AddressInfo
  // Where this machine reaches it: loopback when it listens on every address (0.0.0.0, ::), else the address itself.
  const listenHost = options.hostname ?? '127.0.0.1'
  const reachHost = ['0.0.0.0', '::'].includes(listenHost)
    ? '127.0.0.1'
    : listenHost.includes(':')
      ? `[${listenHost}]`
      : listenHost
  const url = `http://${reachHost}:${boundPort}`
  return {
    url,
    apiBase: `${url}${API_BASE_PATH}`,
    db,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeIdleConnections' in server) server.closeIdleConnections()
      })
      await closeStore()
    },
  }
}
