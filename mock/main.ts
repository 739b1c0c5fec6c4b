import fs from 'node:fs'
import type { AppConfig } from '../src/contract/all'
import { settingsFromEnv } from './platform/settings'
import { startMockServer } from './server'

// `npm run mock`. MOCK_PORT (default 9527); the store: DATABASE_URL (a PostgreSQL server), else PGlite in
// MOCK_DATA_DIR (default .data), or MOCK_STORE=memory to keep nothing. MOCK_TOOLS=off (and NODE_ENV=production)
// turns the /__mock operator routes off; MOCK_AUTH_LIMITS=off the sign-in limits. MOCK_ALLOWED_HOSTS and
// MOCK_CORS_ORIGINS (comma-separated) admit a host name and browser origins besides this machine's. MOCK_CONFIG
// names a program config file (JSON) to run instead of the seed's; the server refuses one that breaks a rule.
const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

const main = async (): Promise<void> => {
  const port = Number(process.env.MOCK_PORT ?? 9527)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[mock] MOCK_PORT must be a port number, not "${process.env.MOCK_PORT}".`)
    process.exit(1)
  }
  const databaseUrl = process.env.DATABASE_URL || undefined
  const storeKind = databaseUrl ? 'postgres' : process.env.MOCK_STORE === 'memory' ? 'memory' : 'file'
  const hasTools = process.env.MOCK_TOOLS !== 'off' && process.env.NODE_ENV !== 'production'
  let config: AppConfig | undefined
  if (process.env.MOCK_CONFIG) {
    try {
      // Checked in full by startMockServer, which refuses a config with an error.
      config = JSON.parse(fs.readFileSync(process.env.MOCK_CONFIG, 'utf8')) as AppConfig
    } catch (error) {
      throw new Error(
        `MOCK_CONFIG ${process.env.MOCK_CONFIG} is not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
      )
    }
  }
  const server = await startMockServer({
    port,
    dataDir: process.env.MOCK_DATA_DIR ?? '.data',
    storeKind,
    databaseUrl,
    poolSize: process.env.DATABASE_POOL_SIZE ? Number(process.env.DATABASE_POOL_SIZE) : undefined,
    hasTools,
    config,
    settings: settingsFromEnv(process.env),
    allowedHosts: list(process.env.MOCK_ALLOWED_HOSTS),
    allowedOrigins: list(process.env.MOCK_CORS_ORIGINS),
    log: console.log,
  })
  console.log(`[mock] FanLoop API: ${server.apiBase}`)
  console.log(`[mock] OpenAPI: ${server.apiBase}/openapi.json`)
  const promise =
    server.db.kind === 'postgres'
      ? 'PostgreSQL with fsync: an answered write survives a crash of the process and of the machine'
      : server.db.kind === 'pglite-file'
        ? 'embedded PostgreSQL (PGlite) with fsync off: an answered write survives a crash of this process, not of the machine'
        : 'embedded PostgreSQL (PGlite) in memory: nothing is kept, a restart starts from the seed'
  console.log(`[mock] Data: ${server.db.location} (${promise})`)
  console.log(`[mock] Operator tools (/__mock): ${hasTools ? 'on' : 'off'}`)

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
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(`[mock] Could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
