// Growth benchmark of the API server over real HTTP on 127.0.0.1: does it stay as fast with 100k members as with
// 1k? For each store (PGlite in a data folder, a real PostgreSQL 15, and the old JSON document store of commit
// 80e8c3a at the sizes it can reach) and each size, the database is filled with members and their ledgers by bulk
// SQL (scripts/lib/bench-data.ts), then autocannon measures
//   GET /me            10 connections, 200 members spread over the whole table
//   POST /__mock/grant 10 connections, {points: 1}, a fresh Idempotency-Key each time (a write: ledger entry,
//                      lot, balance, idempotency row, in one transaction)
//   POST /checkin      10 connections, each request a member not used before (409 ALREADY_CHECKED_IN once the
//                      members run out, as at 1k: counted as correct, but timed apart from the awarded ones)
// and, on PGlite and PostgreSQL, a flash redemption: 200 members at once on a gift with stock 10 (exactly 10 must
// succeed, the rest 409 OUT_OF_STOCK, stock 0 after). On PostgreSQL at the largest size: awarded check-ins per
// second at 50 connections, beside `pgbench -N -c 50 -j 2` (TPC-B-like, no branch/teller updates) on the same
// server in the same run: what the server gets out of the database, against what the database does by itself.
//
// The server runs in a child process (this file, forked): in one process autocannon and the server would share
// one event loop and the numbers would be autocannon's. On 2 cores each gets one (PostgreSQL shares them too).
//
// Usage: npm run bench:api [-- --sizes 1000,10000,100000] [-- --stores pglite,postgres,document]
//          [-- --duration 10] [-- --document-max 10000]
// Writes bench-results/api.json; exits non-zero on any 5xx, connection error, unexpected status, oversell, or a
// balance that no longer matches its ledger. The goal "p50 at the largest size ≤ 2× p50 at the smallest" is
// printed per store and measure (reported, not a failure: speed is judged by people, not by the exit code).
// Not part of `npm test`.
import { execFile, fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import autocannon from 'autocannon'
import { countDrift, fillDocument, fillMembers, tokenOf, type FillReport } from './lib/bench-data'
import { table } from './lib/table.mjs'
import { repoRoot, resultsDir } from './lib/taro-build.mjs'
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres.mjs'

const run = promisify(execFile)
const API = '/api/v1'
const CHILD_ROLE_ENV = 'FANLOOP_BENCH_API_SERVER'
/** The old server: JSON document store, before the move to PostgreSQL. */
const OLD_COMMIT = '80e8c3a'
const CONNECTIONS = 10
const AWARDED_CONNECTIONS = 50
const READ_MEMBERS = 200
const FLASH_MEMBERS = 200
const FLASH_STOCK = 10
/** Virtual (no address needed), 150 points, any level: every bench member can afford it. */
const FLASH_GIFT = 'gift-ebook'
const POOL_SIZE = 20
const PGBENCH_SCALE = 10
const WARMUP_SECONDS = 1

type Store = 'pglite' | 'postgres' | 'document'
const STORES: readonly Store[] = ['pglite', 'postgres', 'document']
type Options = { sizes: number[]; stores: Store[]; durationSeconds: number; documentMax: number }

// ---------------------------------------------------------------------------------------------
// Child: a server on a filled database, driven over IPC.

type ToChild = { type: 'close' }
type FromChild =
  | { type: 'ready'; origin: string; fill: FillReport; analyzeMs: number; startMs: number; drift: number | null }
  | { type: 'closed'; drift: number | null }
  | { type: 'failed'; message: string }

type Closable = { url: string; close(): Promise<void> }
/** What the bench uses of the old server's module (commit 80e8c3a, mock/server.ts). */
type OldServerModule = {
  startMockServer(options: { port: number; storeKind: 'file'; dataDir: string }): Promise<Closable>
}

const required = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

async function serveChild(): Promise<void> {
  const send = (message: FromChild) => process.send?.(message)
  const store = required('BENCH_STORE') as Store
  const count = Number(required('BENCH_MEMBERS'))
  const dataDir = process.env.BENCH_DATA_DIR ?? ''
  let server: Closable
  let driftNow: () => Promise<number | null> = async () => null
  let ready: Omit<Extract<FromChild, { type: 'ready' }>, 'type' | 'origin'>
  if (store === 'document') {
    const old = (await import(required('BENCH_SERVER_MODULE'))) as OldServerModule
    // The old server writes its seed on first start; the fill adds to that document, then it starts on it.
    await (await old.startMockServer({ port: 0, storeKind: 'file', dataDir })).close()
    const fill = fillDocument(path.join(dataDir, 'mock-db.json'), { count, nowMs: Date.now() })
    const started = performance.now()
    server = await old.startMockServer({ port: 0, storeKind: 'file', dataDir })
    ready = { fill, analyzeMs: 0, startMs: performance.now() - started, drift: null }
  } else {
    const { startMockServer } = await import('../mock/server')
    const { settingsFromEnv } = await import('../mock/platform/settings')
    const { seedConfig } = await import('../mock/seed/config')
    const config = seedConfig()
    const started = performance.now()
    const mock = await startMockServer({
      port: 0,
      config,
      settings: settingsFromEnv(process.env),
      ...(store === 'postgres'
        ? { databaseUrl: required('BENCH_DATABASE_URL'), poolSize: POOL_SIZE }
        : { storeKind: 'file' as const, dataDir }),
    })
    const startMs = performance.now() - started
    const fill = await mock.db.transaction((sql) =>
      fillMembers(sql, {
        count,
        nowMs: Date.now(),
        timeZone: config.timeZone,
        levelCode: config.levels[0]?.code ?? 'V1',
      }),
    )
    // Fresh statistics, as autovacuum would gather them on a live server (PGlite has no autovacuum at all).
    const analyzing = performance.now()
    await mock.db.transaction((sql) => sql.exec('ANALYZE'))
    const analyzeMs = performance.now() - analyzing
    driftNow = () => mock.db.transaction(countDrift)
    ready = { fill, analyzeMs, startMs, drift: await driftNow() }
    server = mock
  }
  let closing: Promise<number | null> | null = null
  const close = () =>
    (closing ??= (async () => {
      const drift = await driftNow()
      await server.close()
      return drift
    })())
  process.on('message', (message: ToChild) => {
    if (message.type === 'close')
      void close().then((drift) => {
        send({ type: 'closed', drift })
        process.disconnect()
      })
  })
  // The parent went away without asking: stop anyway, nothing may keep a port open.
  process.on('disconnect', () => void close().finally(() => process.exit(0)))
  send({ type: 'ready', origin: server.url, ...ready })
}

// ---------------------------------------------------------------------------------------------
// Parent: servers, load, report.

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const children = new Set<ChildProcess>()

type ServerHandle = { origin: string; ready: Extract<FromChild, { type: 'ready' }>; close(): Promise<number | null> }

async function startServer(env: Record<string, string>): Promise<ServerHandle> {
  const script = process.argv[1]
  if (!script) throw new Error('cannot tell which script to fork')
  // fork() keeps tsx's loader flags (process.execArgv), so the child can import the TypeScript servers.
  const child = fork(script, [], {
    cwd: repoRoot,
    // No sign-in limits: the bench signs in thousands of members, not one phone a minute.
    env: { ...process.env, ...env, [CHILD_ROLE_ENV]: '1', MOCK_AUTH_LIMITS: 'off' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  const next = <K extends FromChild['type']>(type: K) =>
    new Promise<Extract<FromChild, { type: K }>>((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type === 'failed') reject(new Error(`server: ${message.message}`))
        else if (message.type === type) resolve(message as Extract<FromChild, { type: K }>)
        else return
        cleanup()
      }
      const onExit = (code: number | null) => {
        cleanup()
        reject(new Error(`server exited (${code}) before answering`))
      }
      const cleanup = () => {
        child.off('message', onMessage)
        child.off('exit', onExit)
      }
      child.on('message', onMessage)
      child.on('exit', onExit)
    })
  try {
    const ready = await withTimeout(next('ready'), 300_000, 'filling and starting the server')
    return {
      origin: ready.origin,
      ready,
      close: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return null
        const closed = next('closed')
        child.send({ type: 'close' } satisfies ToChild)
        try {
          return (await withTimeout(closed, 120_000, 'stopping the server')).drift
        } catch (error) {
          console.warn(String(error), '- killing it')
          child.kill('SIGKILL')
          return null
        }
      },
    }
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
}

async function call(origin: string, method: string, route: string, body?: unknown, token?: string) {
  const response = await fetch(`${origin}${API}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  return { status: response.status, text: await response.text() }
}

const auth = (n: number) => ({ authorization: `Bearer ${tokenOf(n)}` })

/** `count` members spread evenly over 1..size: reads touch the whole table, not its first rows. */
const spread = (size: number, count: number) =>
  Array.from({ length: Math.min(count, size) }, (_, i) => 1 + Math.floor((i * size) / Math.min(count, size)))

type Sample = { status: number; ms: number }
type LoadResult = { samples: Sample[]; errors: number; timeouts: number; seconds: number }

function load(
  origin: string,
  connections: number,
  durationSeconds: number,
  requests: autocannon.Request[],
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const samples: Sample[] = []
    let settled = false
    const instance = autocannon(
      { url: origin, connections, duration: durationSeconds, timeout: 30, requests },
      (error, result) => {
        settled = true
        clearTimeout(guard)
        if (error) reject(error)
        else resolve({ samples, errors: result.errors, timeouts: result.timeouts, seconds: durationSeconds })
      },
    )
    // Every answer with its status and time, so awarded check-ins and 409s are timed apart (autocannon's own
    // histogram mixes them, at 1 ms resolution).
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      samples.push({ status, ms })
    })
    // autocannon stops itself after `duration`; this is the bound if it does not.
    const guard = setTimeout(
      () => {
        if (settled) return
        instance.stop()
        setTimeout(() => settled || reject(new Error('autocannon did not stop')), 10_000).unref()
      },
      (durationSeconds + 60) * 1000,
    )
  })
}

const percentile = (sorted: number[], p: number): number | null =>
  sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null)

type Stats = { count: number; perSecond: number; p50: number | null; p99: number | null }
const statsOf = (samples: Sample[], seconds: number): Stats => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
  return {
    count: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  }
}

type Measure = 'GET /me' | 'POST /__mock/grant' | 'POST /checkin' | 'POST /checkin (50 conns)'
type Row = {
  store: Store
  size: number
  measure: Measure
  connections: number
  durationSeconds: number
  /** Every answer. */
  all: Stats
  /** Check-ins: the awarded ones (201) alone. */
  awarded?: Stats
  status: Record<string, number>
  errors: number
  timeouts: number
}
type FlashResult = {
  store: Store
  size: number
  succeeded: number
  outOfStock: number
  other: Record<string, number>
  stockAfter: number | null
  ms: number
}
type SizeInfo = {
  store: Store
  size: number
  fillSeconds: number
  ledgerEntries: number
  analyzeSeconds: number
  startSeconds: number
  driftBefore: number | null
  driftAfter: number | null
}

const statusCounts = (samples: Sample[]) => {
  const counts: Record<string, number> = {}
  for (const { status } of samples) counts[status] = (counts[status] ?? 0) + 1
  return counts
}

function measureRow(store: Store, size: number, measure: Measure, connections: number, result: LoadResult): Row {
  const row: Row = {
    store,
    size,
    measure,
    connections,
    durationSeconds: result.seconds,
    all: statsOf(result.samples, result.seconds),
    status: statusCounts(result.samples),
    errors: result.errors,
    timeouts: result.timeouts,
  }
  if (measure.startsWith('POST /checkin'))
    row.awarded = statsOf(
      result.samples.filter((s) => s.status === 201),
      result.seconds,
    )
  return row
}

/** Each check-in request takes the next member nobody has checked in yet (then wraps, and answers turn 409). */
const checkinRequests = (size: number, cursor: { next: number }): autocannon.Request[] => [
  {
    method: 'POST',
    path: `${API}/checkin`,
    setupRequest: (request) => {
      const n = cursor.next <= size ? cursor.next : 1 + ((cursor.next - 1) % size)
      cursor.next += 1
      return { ...request, headers: { ...auth(n), 'idempotency-key': randomUUID() } }
    },
  },
]

const grantRequests = (size: number): autocannon.Request[] =>
  spread(size, READ_MEMBERS).map((n) => ({
    method: 'POST',
    path: `${API}/__mock/grant`,
    headers: { ...auth(n), 'content-type': 'application/json' },
    body: JSON.stringify({ points: 1 }),
    // A fresh key per request: each one is a new write, not a replay of a stored answer.
    setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
  }))

const meRequests = (size: number): autocannon.Request[] =>
  spread(size, READ_MEMBERS).map((n) => ({ method: 'GET', path: `${API}/me`, headers: auth(n) }))

/** 200 members at once on a gift with stock 10. */
async function flash(store: Store, size: number, origin: string): Promise<FlashResult> {
  const set = await call(origin, 'PATCH', `/__mock/gifts/${FLASH_GIFT}`, { stock: FLASH_STOCK })
  if (set.status !== 200) throw new Error(`setting the stock: HTTP ${set.status} ${set.text.slice(0, 200)}`)
  // The last members of the table: the check-in runs start from the first.
  const members = Array.from({ length: FLASH_MEMBERS }, (_, i) => size - i).filter((n) => n >= 1)
  const started = performance.now()
  const answers = await Promise.all(
    members.map((n) => call(origin, 'POST', '/redemptions', { giftId: FLASH_GIFT, quantity: 1 }, tokenOf(n))),
  )
  const ms = performance.now() - started
  const other: Record<string, number> = {}
  let succeeded = 0
  let outOfStock = 0
  for (const answer of answers) {
    if (answer.status === 201) succeeded++
    else if (answer.status === 409 && answer.text.includes('"OUT_OF_STOCK"')) outOfStock++
    else other[answer.status] = (other[answer.status] ?? 0) + 1
  }
  const gift = await call(origin, 'GET', `/gifts/${FLASH_GIFT}`)
  const stockAfter = gift.status === 200 ? ((JSON.parse(gift.text) as { stock?: number }).stock ?? null) : null
  return { store, size, succeeded, outOfStock, other, stockAfter, ms }
}

type PgbenchResult = {
  clients: number
  threads: number
  seconds: number
  scale: number
  tps: number | null
  initSeconds: number
}

async function pgbench(pg: ThrowawayPostgres, durationSeconds: number): Promise<PgbenchResult> {
  const url = await createDatabase(pg.url, 'pgbench')
  const initStarted = performance.now()
  await run(pg.pgbench, ['-i', '-q', '-s', String(PGBENCH_SCALE), url], { maxBuffer: 16 << 20 })
  const initSeconds = (performance.now() - initStarted) / 1000
  const { stdout } = await run(
    pg.pgbench,
    ['-N', '-c', String(AWARDED_CONNECTIONS), '-j', '2', '-T', String(durationSeconds), url],
    { maxBuffer: 16 << 20 },
  )
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1]
  return {
    clients: AWARDED_CONNECTIONS,
    threads: 2,
    seconds: durationSeconds,
    scale: PGBENCH_SCALE,
    tps: tps === undefined ? null : Number(tps),
    initSeconds,
  }
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1000, 10000, 100000], stores: [...STORES], durationSeconds: 5, documentMax: 10000 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === '--duration') options.durationSeconds = Number(value())
    else if (arg === '--sizes') options.sizes = value().split(',').map(Number)
    else if (arg === '--stores') options.stores = value().split(',') as Store[]
    else if (arg === '--document-max') options.documentMax = Number(value())
    else throw new Error(`unknown option ${arg} (see the header of scripts/bench-api.ts)`)
  }
  if (!Number.isInteger(options.durationSeconds) || options.durationSeconds < 1 || options.durationSeconds > 120)
    throw new Error('--duration must be whole seconds from 1 to 120')
  if (options.sizes.some((n) => !Number.isInteger(n) || n < FLASH_MEMBERS || n > 1_000_000))
    throw new Error(`--sizes must be whole numbers from ${FLASH_MEMBERS} to 1000000, comma-separated`)
  if (options.stores.some((store) => !STORES.includes(store))) throw new Error(`--stores takes ${STORES.join(', ')}`)
  options.sizes.sort((a, b) => a - b)
  return options
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '-' : value.toFixed(1))

/** The old server's code at OLD_COMMIT in a temporary worktree, with this checkout's node_modules. */
async function oldServerWorktree(tempRoot: string): Promise<{ module: string; remove(): Promise<void> }> {
  const dir = path.join(tempRoot, 'old-server')
  await run('git', ['worktree', 'add', '--detach', dir, OLD_COMMIT], { cwd: repoRoot })
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'))
  return {
    module: path.join(dir, 'mock', 'server.ts'),
    remove: async () => {
      await run('git', ['worktree', 'remove', '--force', dir], { cwd: repoRoot }).catch(() => undefined)
      await run('git', ['worktree', 'prune'], { cwd: repoRoot }).catch(() => undefined)
    },
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const options = parseArgs(process.argv.slice(2))
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-bench-api-'))
  let pg: ThrowawayPostgres | null = null
  let worktree: Awaited<ReturnType<typeof oldServerWorktree>> | null = null
  const cleanUp = async () => {
    for (const child of children) child.kill('SIGKILL')
    await worktree?.remove()
    await pg?.stop()
    fs.rmSync(tempRoot, { recursive: true, force: true })
  }
  const onSignal = () => void cleanUp().finally(() => process.exit(130))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const rows: Row[] = []
  const flashes: FlashResult[] = []
  const sizeInfo: SizeInfo[] = []
  const failures: string[] = []
  let pgbenchResult: PgbenchResult | null = null
  const loadAverageBefore = os.loadavg()
  const { durationSeconds: seconds } = options
  try {
    for (const store of options.stores) {
      const sizes = store === 'document' ? options.sizes.filter((n) => n <= options.documentMax) : options.sizes
      if (store === 'postgres') pg = await startThrowawayPostgres()
      if (store === 'document') worktree = await oldServerWorktree(tempRoot)
      for (const size of sizes) {
        const where = `${store} ${size}`
        process.stdout.write(`${where}: filling ... `)
        const env: Record<string, string> = { BENCH_STORE: store, BENCH_MEMBERS: String(size) }
        if (store === 'postgres' && pg) env.BENCH_DATABASE_URL = await createDatabase(pg.url, `bench_${size}`)
        else env.BENCH_DATA_DIR = fs.mkdtempSync(path.join(tempRoot, `${store}-${size}-`))
        if (store === 'document' && worktree) env.BENCH_SERVER_MODULE = worktree.module
        const server = await startServer(env)
        const { ready } = server
        const info: SizeInfo = {
          store,
          size,
          fillSeconds: ready.fill.milliseconds / 1000,
          ledgerEntries: ready.fill.ledgerEntries,
          analyzeSeconds: ready.analyzeMs / 1000,
          startSeconds: ready.startMs / 1000,
          driftBefore: ready.drift,
          driftAfter: null,
        }
        sizeInfo.push(info)
        console.log(
          `${ready.fill.members} members, ${ready.fill.ledgerEntries} ledger entries in ${info.fillSeconds.toFixed(1)} s` +
            (store === 'document'
              ? `, old server started on it in ${info.startSeconds.toFixed(1)} s`
              : `, ANALYZE ${info.analyzeSeconds.toFixed(1)} s`),
        )
        if (ready.drift)
          failures.push(`${where}: ${ready.drift} members' balances differ from their ledger after the fill`)
        try {
          const probe = await call(server.origin, 'GET', '/me', undefined, tokenOf(size))
          if (probe.status !== 200)
            throw new Error(`${where}: GET /me as a bench member: HTTP ${probe.status} ${probe.text.slice(0, 200)}`)
          // JIT, caches and first-request costs out of the way, on reads only.
          await load(server.origin, CONNECTIONS, WARMUP_SECONDS, meRequests(size))
          const cursor = { next: 1 }
          const plan: [Measure, number, autocannon.Request[]][] = [
            ['GET /me', CONNECTIONS, meRequests(size)],
            ['POST /__mock/grant', CONNECTIONS, grantRequests(size)],
            ['POST /checkin', CONNECTIONS, checkinRequests(size, cursor)],
          ]
          if (store === 'postgres' && size === sizes[sizes.length - 1])
            plan.push(['POST /checkin (50 conns)', AWARDED_CONNECTIONS, checkinRequests(size, cursor)])
          for (const [measure, connections, requests] of plan) {
            process.stdout.write(`  ${measure}, ${connections} connections, ${seconds} s ... `)
            const row = measureRow(
              store,
              size,
              measure,
              connections,
              await load(server.origin, connections, seconds, requests),
            )
            rows.push(row)
            const main = row.awarded ?? row.all
            console.log(
              `${Math.round(main.perSecond)}${row.awarded ? ' awarded' : ''}/s, p50 ${ms(main.p50)} ms, p99 ${ms(main.p99)} ms ${JSON.stringify(row.status)}`,
            )
            const expected = measure.startsWith('POST /checkin') ? ['201', '409'] : ['200']
            const unexpected = Object.entries(row.status).filter(([status]) => !expected.includes(status))
            if (unexpected.length)
              failures.push(`${where} ${measure}: unexpected answers ${JSON.stringify(Object.fromEntries(unexpected))}`)
            // The old store may not answer at all within a short run at its larger sizes: that is its result.
            if (row.all.count === 0 && store !== 'document') failures.push(`${where} ${measure}: no answers`)
            if (row.errors || row.timeouts)
              failures.push(`${where} ${measure}: ${row.errors} connection errors (${row.timeouts} timeouts)`)
          }
          if (store !== 'document') {
            const result = await flash(store, size, server.origin)
            flashes.push(result)
            console.log(
              `  flash redemption: ${FLASH_MEMBERS} members, stock ${FLASH_STOCK}: ${result.succeeded} redeemed, ${result.outOfStock} OUT_OF_STOCK, ` +
                `stock after ${result.stockAfter}, ${Math.round(result.ms)} ms${Object.keys(result.other).length ? `, other ${JSON.stringify(result.other)}` : ''}`,
            )
            if (result.succeeded !== FLASH_STOCK || result.stockAfter !== 0 || Object.keys(result.other).length)
              failures.push(`${where} flash redemption: ${JSON.stringify(result)}`)
          }
        } finally {
          info.driftAfter = await server.close()
        }
        if (info.driftAfter)
          failures.push(`${where}: ${info.driftAfter} members' balances differ from their ledger after the load`)
      }
      if (store === 'postgres' && pg) {
        process.stdout.write(
          `postgres: pgbench -N -c ${AWARDED_CONNECTIONS} -j 2 -T ${seconds} (scale ${PGBENCH_SCALE}) ... `,
        )
        pgbenchResult = await pgbench(pg, seconds)
        console.log(`${pgbenchResult.tps} tps`)
        await pg.stop()
        pg = null
      }
      if (store === 'document' && worktree) {
        await worktree.remove()
        worktree = null
      }
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanUp()
  }

  const loadAverageAfter = os.loadavg()
  console.log('')
  if (Math.max(loadAverageBefore[0] ?? 0, loadAverageAfter[0] ?? 0) > os.cpus().length)
    console.log(
      `note: load average ${loadAverageBefore[0]?.toFixed(1)} -> ${loadAverageAfter[0]?.toFixed(1)} on ${os.cpus().length} cores: ` +
        'other work competed with the server and the load generator',
    )
  console.log(
    table(
      ['store', 'members', 'ledger rows', 'fill', 'ANALYZE / start'],
      sizeInfo.map((s) => [
        s.store,
        s.size,
        s.ledgerEntries,
        `${s.fillSeconds.toFixed(1)} s`,
        `${(s.store === 'document' ? s.startSeconds : s.analyzeSeconds).toFixed(1)} s`,
      ]),
      { alignRight: [1, 2, 3, 4] },
    ),
  )
  console.log('')
  console.log(
    table(
      [
        'store',
        'members',
        'measure',
        'conns',
        'req/s',
        'p50 ms',
        'p99 ms',
        'awarded/s',
        'awarded p50',
        'awarded p99',
        'answers',
      ],
      rows.map((row) => [
        row.store,
        row.size,
        row.measure,
        row.connections,
        Math.round(row.all.perSecond),
        ms(row.all.p50),
        ms(row.all.p99),
        row.awarded ? Math.round(row.awarded.perSecond) : '',
        row.awarded ? ms(row.awarded.p50) : '',
        row.awarded ? ms(row.awarded.p99) : '',
        Object.entries(row.status)
          .map(([status, count]) => `${count}×${status}`)
          .join(' '),
      ]),
      { alignRight: [1, 3, 4, 5, 6, 7, 8, 9] },
    ),
  )

  // The goal: p50 at the largest size at most twice p50 at the smallest (check-ins: the awarded ones).
  type Goal = {
    store: Store
    measure: Measure
    from: number
    to: number
    p50From: number | null
    p50To: number | null
    ratio: number | null
    pass: boolean
  }
  const goals: Goal[] = []
  for (const store of options.stores)
    for (const measure of ['GET /me', 'POST /__mock/grant', 'POST /checkin'] as const) {
      const mine = rows.filter((r) => r.store === store && r.measure === measure)
      const first = mine[0]
      const last = mine[mine.length - 1]
      if (!first || !last || first === last) continue
      const p50From = (first.awarded ?? first.all).p50
      const p50To = (last.awarded ?? last.all).p50
      const ratio = p50From && p50To !== null ? p50To / p50From : null
      goals.push({
        store,
        measure,
        from: first.size,
        to: last.size,
        p50From,
        p50To,
        ratio,
        pass: ratio !== null && ratio <= 2,
      })
    }
  if (goals.length) {
    console.log('')
    console.log(
      table(
        ['goal: p50 at largest ≤ 2× p50 at smallest', 'sizes', 'p50 ms', 'ratio', ''],
        goals.map((g) => [
          `${g.store} ${g.measure}`,
          `${g.from} -> ${g.to}`,
          `${ms(g.p50From)} -> ${ms(g.p50To)}`,
          g.ratio === null ? '-' : `${g.ratio.toFixed(2)}×`,
          g.pass ? 'PASS' : 'FAIL',
        ]),
        { alignRight: [3] },
      ),
    )
  }
  const awarded50 = rows.find((r) => r.measure === 'POST /checkin (50 conns)')
  if (awarded50 || pgbenchResult) {
    console.log('')
    console.log(
      `PostgreSQL, ${AWARDED_CONNECTIONS} connections: ${awarded50?.awarded ? Math.round(awarded50.awarded.perSecond) : '-'} awarded check-ins/s ` +
        `(${awarded50?.size ?? '-'} members, server pool ${POOL_SIZE}) beside pgbench -N: ${pgbenchResult?.tps?.toFixed(0) ?? '-'} tps (scale ${PGBENCH_SCALE})`,
    )
  }

  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
    command: `npm run bench:api -- --sizes ${options.sizes.join(',')} --stores ${options.stores.join(',')} --duration ${seconds}`,
    tool: 'autocannon (HTTP/1.1 keep-alive, no pipelining) in this process; server in a child process; 127.0.0.1 only',
    units: 'latency ms from every answer (autocannon response events); req/s = answers / duration',
    options,
    oldServer: `commit ${OLD_COMMIT} (JSON document store), its file filled to at most ${options.documentMax} members`,
    sizes: sizeInfo,
    results: rows,
    flash: flashes,
    pgbench: pgbenchResult,
    goals,
    failures,
    ok: failures.length === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  const outFile = path.join(resultsDir, 'api.json')
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`)
  if (failures.length) {
    console.error(`bench:api FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`bench:api OK (${report.seconds} s)`)
  }
}

const entry = process.env[CHILD_ROLE_ENV] === '1' ? serveChild : main
entry().catch((error: unknown) => {
  if (process.env[CHILD_ROLE_ENV] === '1' && process.send) {
    process.send({ type: 'failed', message: String((error as Error)?.stack ?? error) } satisfies FromChild)
    process.disconnect()
  } else {
    console.error(error)
  }
  process.exitCode = 1
})
