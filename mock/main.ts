import fs from 'node:fs'
import net from 'node:net'
import type { AppConfig } from '../src/contract/all'
import { parseConfigJson } from './config-check'
import { isLoopbackAddress, operatorToolsOffBecause, settingsFromEnv } from './platform/settings'
import { startMockServer } from './server'

// `npm run mock`. MOCK_PORT (default 9527), MOCK_LISTEN_HOST (default 127.0.0.1); the store: DATABASE_URL (a PostgreSQL server), else PGlite in
// MOCK_DATA_DIR (default .data), or MOCK_STORE=memory to keep nothing. The /__mock operator routes are on for PGlite
// and off with DATABASE_URL or MOCK_ALLOWED_HOSTS unless MOCK_TOOLS=on; MOCK_TOOLS=off (and NODE_ENV=production) turns
// them off everywhere; MOCK_AUTH_LIMITS=off the sign-in limits. MOCK_ALLOWED_HOSTS and
// MOCK_CORS_ORIGINS (comma-separated) admit a host name and browser origins besides this machine's. MOCK_CONFIG
// names a program config file (JSON) to run instead of the seed's; the server refuses one that breaks a rule.
// MOCK_SEED=demo|catalogue: what an empty database is seeded with (catalogue by default with NODE_ENV=production).
const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** A setting that is wrong stops the start with what was expected: a server must not run on a guess. */
class SettingError extends Error {}

/** A switch: on / off (also true / false, 1 / 0, yes / no, any case); unset or empty is `fallback`. */
const onOff = (name: string, fallback: boolean): boolean => {
  const value = (process.env[name] ?? '').trim().toLowerCase()
  if (value === '') return fallback
  if (['on', 'true', '1', 'yes'].includes(value)) return true
  if (['off', 'false', '0', 'no'].includes(value)) return false
  throw new SettingError(`${name} must be on or off, not "${process.env[name]}".`)
}

/** A whole number in [min, max]; unset or empty is `fallback`. */
const integer = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
  const raw = (process.env[name] ?? '').trim()
  if (raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new SettingError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`)
  return value
}

/** Browser origins as the browser sends them (https://h5.brand.example: no path, no trailing slash). */
const origins = (name: string): string[] =>
  list(process.env[name]).map((item) => {
    let url: URL | null = null
    try {
      url = new URL(item)
    } catch {
      url = null
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || (url.pathname !== '/' && url.pathname !== ''))
      throw new SettingError(`${name}: "${item}" is not an origin like https://h5.brand.example.`)
    return url.origin
  })

/**
 * Host names as the Host header carries them, without the port (api.brand.example). The server compares the
 * header's name alone, so a URL or a host:port given here would match no request: every one answered 403.
 */
const hostNames = (name: string): string[] =>
  list(process.env[name]).map((item) => {
    if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i.test(item))
      throw new SettingError(
        `${name}: "${item}" is not a host name like api.brand.example (no scheme, port or path: the port is not compared).`,
      )
    return item.toLowerCase()
  })

/** The address to listen on: an IP address (0.0.0.0 for every one) or localhost; unset is 127.0.0.1. */
const listenHost = (name: string): string => {
  const raw = (process.env[name] ?? '').trim()
  if (raw === '') return '127.0.0.1'
  if (raw !== 'localhost' && net.isIP(raw) === 0)
    throw new SettingError(`${name} must be an IP address to listen on, like 0.0.0.0 or 10.0.0.5, not "${raw}".`)
  return raw
}

const postgresUrl = (name: string): string | undefined => {
  const raw = (process.env[name] ?? '').trim()
  if (raw === '') return undefined
  let protocol = ''
  try {
    protocol = new URL(raw).protocol
  } catch {
    protocol = ''
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    throw new SettingError(`${name} must be a URL like postgres://user:password@host:5432/fanloop.`)
  return raw
}

const main = async (): Promise<void> => {
  const port = integer('MOCK_PORT', 9527, 0, 65535) ?? 9527
  const hostname = listenHost('MOCK_LISTEN_HOST')
  const databaseUrl = postgresUrl('DATABASE_URL')
  const store = (process.env.MOCK_STORE ?? '').trim()
  if (!['', 'file', 'memory'].includes(store))
    throw new SettingError(`MOCK_STORE must be file (the default) or memory, not "${store}".`)
  const storeKind = databaseUrl ? 'postgres' : store === 'memory' ? 'memory' : 'file'
  const isProduction = process.env.NODE_ENV === 'production'
  // What an empty database gets: the demo program (members with histories, posts, orders), or the catalogue alone.
  // A production server never seeds demo members into a live database unless told to.
  const seedKind = (process.env.MOCK_SEED ?? '').trim() || (isProduction ? 'catalogue' : 'demo')
  if (seedKind !== 'demo' && seedKind !== 'catalogue')
    throw new SettingError(`MOCK_SEED must be demo or catalogue, not "${process.env.MOCK_SEED}".`)
  const poolSize = integer('DATABASE_POOL_SIZE', undefined, 1, 1000)
  const allowedOrigins = origins('MOCK_CORS_ORIGINS')
  const allowedHosts = hostNames('MOCK_ALLOWED_HOSTS')
  const toolsOffBecause = operatorToolsOffBecause({ databaseUrl, listenHost: hostname, allowedHosts })
  const hasTools = onOff('MOCK_TOOLS', toolsOffBecause === null) && !isProduction
  // Read by settingsFromEnv; checked here so a typo stops the start instead of leaving the limits on silently.
  onOff('MOCK_AUTH_LIMITS', true)
  let config: AppConfig | undefined
  if (process.env.MOCK_CONFIG) {
    try {
      // Checked in full by startMockServer, which refuses a config with an error.
      config = parseConfigJson(fs.readFileSync(process.env.MOCK_CONFIG, 'utf8')) as AppConfig
    } catch (error) {
      throw new Error(
        `MOCK_CONFIG ${process.env.MOCK_CONFIG} is not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
      )
    }
  }
  const server = await startMockServer({
    port,
    hostname,
    dataDir: process.env.MOCK_DATA_DIR ?? '.data',
    storeKind,
    databaseUrl,
    poolSize,
    hasTools,
    seedKind,
    config,
    settings: settingsFromEnv(process.env),
    allowedHosts,
    allowedOrigins,
    log: console.log,
  })
  console.log(
    `[mock] FanLoop API: ${server.apiBase}${isLoopbackAddress(hostname) ? '' : ` (listening on ${hostname}:${port === 0 ? new URL(server.url).port : port})`}`,
  )
  console.log(`[mock] OpenAPI: ${server.apiBase}/openapi.json`)
  const promise =
    server.db.kind === 'postgres'
      ? 'PostgreSQL with fsync: an answered write survives a crash of the process and of the machine'
      : server.db.kind === 'pglite-file'
        ? 'embedded PostgreSQL (PGlite) with fsync off: an answered write survives a crash of this process, not of the machine'
        : 'embedded PostgreSQL (PGlite) in memory: nothing is kept, a restart starts from the seed'
  console.log(`[mock] Data: ${server.db.location} (${promise})`)
  const toolsNote =
    toolsOffBecause === null || hasTools || isProduction || (process.env.MOCK_TOOLS ?? '').trim() !== ''
      ? ''
      : toolsOffBecause === 'DATABASE_URL'
        ? ' (DATABASE_URL is set: on a real PostgreSQL they are off by default, since they have no auth and POST /__mock/reset empties every table; MOCK_TOOLS=on turns them on)'
        : ` (${toolsOffBecause} is set: they have no auth; MOCK_TOOLS=on turns them on)`
  console.log(`[mock] Operator tools (/__mock): ${hasTools ? 'on' : 'off'}${toolsNote}`)
  // The reference server keeps the contract's rules for real, but sign-in and payment stay simulated.
  if (isProduction)
    console.log(
      '[mock] Sign-in is simulated (the SMS code is always 123456, any WeChat code signs in) and payment is mock payment: do not put this server in front of real members (README, The API server and its database).',
    )

  let isStopping = false
  const stop = (signal: string): void => {
    if (isStopping) return
    isStopping = true
    console.log(`[mock] ${signal}: stopping`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[mock] Stopped with an error:', error)
        process.exit(1)
      },
    )
  }
  // Every signal, not just the first: a second one (Ctrl-C twice, docker stop) must not fall to Node's default and kill
  // the server mid-close; stop() ignores repeats.
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof SettingError) {
    console.error(`[mock] ${error.message}`)
    process.exit(1)
  }
  console.error(`[mock] Could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
