// Load on the mock API over real HTTP on 127.0.0.1: a few signed-in members hitting the reads the
// app makes on every launch, and a write (points grant with a fresh Idempotency-Key each time)
// that the file store must put on disk before answering (group commit: one fsync'd write per tick
// for every request that changed something in it). Run against the file store (`npm start`'s) and
// the memory store (e2e's) to see what durability costs.
//
// The server runs in a child process (this file, forked): in one process autocannon and the server
// would share one event loop and the numbers would be autocannon's. On 2 cores each gets one.
// Every (store, connections) pair gets a fresh server and data dir, and the write scenario runs
// last, so the state the reads see is the seed's.
//
// Usage: npm run bench:api [-- --duration 10] [-- --connections 10,50] [-- --stores file,memory]
// Writes bench-results/api.json; exits non-zero on any 5xx, non-2xx, connection error or timeout.
// Not part of `npm test`: speed is judged here, not by timed tests.
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { table } from './lib/table.mjs'
import { repoRoot, resultsDir } from './lib/taro-build.mjs'

const API = '/api/v1'
const PERSONAS = ['new-member', 'streak-day6', 'kol-distributor', 'points-expiring'] as const
/** A phone sign-in as well: creates a member, as a first-time H5 visitor does. */
const PHONE = '13900001234'
const SMS_CODE = '123456'
const WARMUP_SECONDS = 1
const CHILD_ROLE_ENV = 'FANLOOP_BENCH_API_SERVER'

type StoreKind = 'file' | 'memory'
type Options = { durationSeconds: number; connections: number[]; stores: StoreKind[] }

// ---------------------------------------------------------------------------------------------
// Child: the mock server, driven over IPC.

type ToChild = { type: 'stats' } | { type: 'close' }
type ServerStats = { cpuMicros: number; rssBytes: number; dataFileBytes: number | null }
type FromChild =
  | { type: 'ready'; origin: string; filePath: string | null }
  | { type: 'stats'; stats: ServerStats }
  | { type: 'closed' }
  | { type: 'failed'; message: string }

async function serveChild(): Promise<void> {
  const send = (message: FromChild) => process.send?.(message)
  const storeKind = process.env.BENCH_STORE === 'memory' ? 'memory' : 'file'
  const { startMockServer } = await import('../mock/server')
  const server = await startMockServer({ port: 0, storeKind, dataDir: process.env.BENCH_DATA_DIR })
  let closing: Promise<void> | null = null
  const close = () => (closing ??= server.close())
  const stats = (): ServerStats => {
    const cpu = process.cpuUsage()
    const filePath: string | null = null
    return {
      cpuMicros: cpu.user + cpu.system,
      rssBytes: process.memoryUsage().rss,
      dataFileBytes: filePath && fs.existsSync(filePath) ? fs.statSync(filePath).size : null,
    }
  }
  process.on('message', (message: ToChild) => {
    if (message.type === 'stats') send({ type: 'stats', stats: stats() })
    if (message.type === 'close')
      void close().then(() => {
        send({ type: 'closed' })
        process.disconnect()
      })
  })
  // The parent went away without asking: stop anyway, nothing may keep a port open.
  process.on('disconnect', () => void close().then(() => process.exit(0)))
  send({ type: 'ready', origin: server.url, filePath: null })
}

// ---------------------------------------------------------------------------------------------
// Parent: start servers, sign in, drive load, report.

type ServerHandle = {
  origin: string
  filePath: string | null
  stats(): Promise<ServerStats>
  close(): Promise<void>
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const children = new Set<ChildProcess>()

async function startServer(storeKind: StoreKind, dataDir: string): Promise<ServerHandle> {
  const script = process.argv[1]
  if (!script) throw new Error('cannot tell which script to fork')
  // fork() keeps tsx's loader flags (process.execArgv), so the child can import the TypeScript mock.
  const child = fork(script, [], {
    cwd: repoRoot,
    env: { ...process.env, [CHILD_ROLE_ENV]: '1', BENCH_STORE: storeKind, BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  const next = <K extends FromChild['type']>(type: K) =>
    new Promise<Extract<FromChild, { type: K }>>((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type === 'failed') reject(new Error(`mock server: ${message.message}`))
        else if (message.type === type) resolve(message as Extract<FromChild, { type: K }>)
        else return
        cleanup()
      }
      const onExit = (code: number | null) => {
        cleanup()
        reject(new Error(`mock server exited (${code}) before answering`))
      }
      const cleanup = () => {
        child.off('message', onMessage)
        child.off('exit', onExit)
      }
      child.on('message', onMessage)
      child.on('exit', onExit)
    })
  try {
    const ready = await withTimeout(next('ready'), 30_000, 'starting the mock server')
    return {
      origin: ready.origin,
      filePath: ready.filePath,
      stats: async () => {
        const answer = next('stats')
        child.send({ type: 'stats' } satisfies ToChild)
        return (await withTimeout(answer, 10_000, 'reading server stats')).stats
      },
      close: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
        child.send({ type: 'close' } satisfies ToChild)
        await withTimeout(exited, 20_000, 'stopping the mock server').catch((error: unknown) => {
          console.warn(String(error), '- killing it')
          child.kill('SIGKILL')
        })
      },
    }
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
}

async function call<T>(origin: string, method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${origin}${API}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 200)}`)
  return JSON.parse(text) as T
}

type SignedIn = { token: string; member: { id: string; pointsBalance: number } }

async function signIn(origin: string): Promise<string[]> {
  const tokens: string[] = []
  for (const id of PERSONAS) tokens.push((await call<SignedIn>(origin, 'POST', '/__mock/persona', { id })).token)
  tokens.push((await call<SignedIn>(origin, 'POST', '/auth/phone', { phone: PHONE, smsCode: SMS_CODE })).token)
  return tokens
}

async function totalPoints(origin: string, tokens: string[]): Promise<number> {
  let sum = 0
  for (const token of tokens)
    sum += (await call<SignedIn['member']>(origin, 'GET', '/me', undefined, token)).pointsBalance
  return sum
}

type Scenario = { name: string; write: boolean; requests: (tokens: string[]) => autocannon.Request[] }

const getAs = (route: string) => (tokens: string[]) =>
  tokens.map((token) => ({ method: 'GET', path: `${API}${route}`, headers: { authorization: `Bearer ${token}` } }))

// Each connection cycles through the members' tokens, one request each.
const SCENARIOS: Scenario[] = [
  { name: 'GET /app/config', write: false, requests: getAs('/app/config') },
  { name: 'GET /me', write: false, requests: getAs('/me') },
  { name: 'GET /gifts?limit=20', write: false, requests: getAs('/gifts?limit=20') },
  { name: 'GET /posts?section=recommend', write: false, requests: getAs('/posts?section=recommend') },
  {
    name: 'POST /__mock/grant (idempotent write)',
    write: true,
    requests: (tokens) =>
      tokens.map((token) => ({
        method: 'POST',
        path: `${API}/__mock/grant`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ points: 1 }),
        // A fresh key per request: each one is a new write, not a replay of a stored answer.
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      })),
  },
]

function load(origin: string, connections: number, durationSeconds: number, requests: autocannon.Request[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    let settled = false
    const instance = autocannon(
      { url: origin, connections, duration: durationSeconds, timeout: 10, requests },
      (error, result) => {
        settled = true
        clearTimeout(guard)
        if (error) reject(error)
        else resolve(result)
      },
    )
    // autocannon stops itself after `duration`; this is the bound if it does not.
    const guard = setTimeout(
      () => {
        if (settled) return
        instance.stop()
        setTimeout(() => settled || reject(new Error('autocannon did not stop')), 10_000).unref()
      },
      (durationSeconds + 30) * 1000,
    )
  })
}

type Row = {
  store: StoreKind
  connections: number
  scenario: string
  durationSeconds: number
  requests: number
  requestsPerSecond: number
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number }
  status: Record<string, number>
  non2xx: number
  errors: number
  timeouts: number
  '5xx': number
  /** Server CPU (user + system) per answered request. */
  serverCpuMicrosPerRequest: number | null
  /** Write scenario: points the members gained vs grants answered 2xx (in-flight ones at the stop may add up to `connections`). */
  pointsGained?: number
  dataFileBytesAfter?: number | null
  serverRssBytesAfter?: number
}

function parseArgs(argv: string[]): Options {
  const options: Options = { durationSeconds: 10, connections: [10, 50], stores: ['file', 'memory'] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === '--duration') options.durationSeconds = Number(value())
    else if (arg === '--connections') options.connections = value().split(',').map(Number)
    else if (arg === '--stores') options.stores = value().split(',') as StoreKind[]
    else throw new Error(`unknown option ${arg} (see the header of scripts/bench-api.ts)`)
  }
  if (!Number.isInteger(options.durationSeconds) || options.durationSeconds < 1 || options.durationSeconds > 120)
    throw new Error('--duration must be whole seconds from 1 to 120')
  if (options.connections.some((n) => !Number.isInteger(n) || n < 1 || n > 500))
    throw new Error('--connections must be whole numbers from 1 to 500, comma-separated')
  if (options.stores.some((kind) => kind !== 'file' && kind !== 'memory'))
    throw new Error('--stores takes file and/or memory')
  return options
}

async function main(): Promise<void> {
  const started = Date.now()
  const options = parseArgs(process.argv.slice(2))
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-bench-api-'))
  const cleanUp = () => {
    for (const child of children) child.kill('SIGKILL')
    fs.rmSync(tempRoot, { recursive: true, force: true })
  }
  const onSignal = () => {
    cleanUp()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const rows: Row[] = []
  const failures: string[] = []
  const loadAverageBefore = os.loadavg()
  const total = options.stores.length * options.connections.length * SCENARIOS.length
  let done = 0
  try {
    for (const store of options.stores) {
      for (const connections of options.connections) {
        const dataDir = path.join(tempRoot, `${store}-${connections}`)
        const server = await startServer(store, dataDir)
        try {
          const tokens = await signIn(server.origin)
          // JIT and first-request costs out of the way, on reads only (the seed state stays as is).
          await load(server.origin, connections, WARMUP_SECONDS, [
            ...getAs('/app/config')(tokens),
            ...getAs('/gifts?limit=20')(tokens),
          ])
          for (const scenario of SCENARIOS) {
            done++
            process.stdout.write(`[${done}/${total}] ${store} store, ${connections} connections, ${scenario.name} ... `)
            const pointsBefore = scenario.write ? await totalPoints(server.origin, tokens) : 0
            const before = await server.stats()
            const result = await load(server.origin, connections, options.durationSeconds, scenario.requests(tokens))
            const after = await server.stats()
            const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
            const row: Row = {
              store,
              connections,
              scenario: scenario.name,
              durationSeconds: options.durationSeconds,
              requests: result.latency.totalCount,
              requestsPerSecond: result.requests.average,
              latencyMs: {
                p50: result.latency.p50,
                p90: result.latency.p90,
                p99: result.latency.p99,
                max: result.latency.max,
                mean: result.latency.mean,
              },
              status: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
              non2xx: result.non2xx,
              errors: result.errors,
              timeouts: result.timeouts,
              '5xx': result['5xx'],
              serverCpuMicrosPerRequest: answered ? (after.cpuMicros - before.cpuMicros) / answered : null,
            }
            if (scenario.write) {
              row.pointsGained = (await totalPoints(server.origin, tokens)) - pointsBefore
              row.dataFileBytesAfter = after.dataFileBytes
              row.serverRssBytesAfter = after.rssBytes
            }
            rows.push(row)
            console.log(
              `${Math.round(row.requestsPerSecond)} req/s, p99 ${row.latencyMs.p99} ms` +
                (row.non2xx || row.errors ? `, ${row.non2xx} non-2xx, ${row.errors} errors` : ''),
            )
            const where = `${store} store, ${connections} connections, ${scenario.name}`
            if (row['5xx']) failures.push(`${where}: ${row['5xx']} answers with 5xx`)
            if (row.errors || row.timeouts)
              failures.push(`${where}: ${row.errors} connection errors (${row.timeouts} timeouts)`)
            // A 401 or 400 means the scenario measured an error path, not the endpoint.
            if (row.non2xx > row['5xx'])
              failures.push(`${where}: ${row.non2xx - row['5xx']} non-2xx answers ${JSON.stringify(row.status)}`)
            if (scenario.write && row.pointsGained !== undefined) {
              const granted = result['2xx']
              if (row.pointsGained < granted || row.pointsGained > granted + connections)
                failures.push(`${where}: members gained ${row.pointsGained} points for ${granted} grants answered 2xx`)
            }
          }
        } finally {
          await server.close()
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    cleanUp()
  }

  const loadAverageAfter = os.loadavg()
  const headers = ['store', 'conns', 'scenario', 'req/s', 'p50', 'p90', 'p99', 'non-2xx', 'errors', 'srv CPU/req']
  const ms = (value: number) => `${value} ms`
  console.log('')
  if (Math.max(loadAverageBefore[0] ?? 0, loadAverageAfter[0] ?? 0) > os.cpus().length)
    console.log(
      `note: load average ${loadAverageBefore[0]?.toFixed(1)} -> ${loadAverageAfter[0]?.toFixed(1)} on ${os.cpus().length} cores: ` +
        'other work competed with the server and the load generator',
    )
  console.log(
    table(
      headers,
      rows.map((row) => [
        row.store,
        row.connections,
        row.scenario,
        Math.round(row.requestsPerSecond),
        ms(row.latencyMs.p50),
        ms(row.latencyMs.p90),
        ms(row.latencyMs.p99),
        row.non2xx,
        row.errors + row.timeouts,
        row.serverCpuMicrosPerRequest === null ? '-' : `${(row.serverCpuMicrosPerRequest / 1000).toFixed(2)} ms`,
      ]),
      { alignRight: [1, 3, 4, 5, 6, 7, 8, 9] },
    ),
  )
  for (const row of rows.filter((r) => r.dataFileBytesAfter !== undefined && r.dataFileBytesAfter !== null)) {
    console.log(
      `${row.store} store, ${row.connections} connections: ${row.requests} grants, ` +
        `data file ${((row.dataFileBytesAfter ?? 0) / 1e6).toFixed(1)} MB afterwards (the whole state is rewritten on every commit)`,
    )
  }

  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
    tool: 'autocannon (HTTP/1.1 keep-alive, no pipelining) in this process; mock server in a child process; 127.0.0.1 only',
    options,
    members: { personas: PERSONAS, phoneSignIn: PHONE },
    units: 'latency ms (autocannon histogram, 1 ms resolution); req/s = mean of per-second samples',
    results: rows,
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
