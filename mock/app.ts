import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { AppConfig } from '../src/contract/all'
import { allEndpoints, communityEndpoints, endpoints, UPLOAD_MAX_BYTES } from '../src/contract/all'
import type { FeatureName } from '../src/contract/features'
import { FEATURE_OF_ENDPOINT, FEATURE_OF_PATH } from '../src/contract/features'
import { readClockOffset, writeClockOffset } from './platform/clock'
import type { Database } from './platform/db'
import { errorBody } from './platform/errors'
import type { Ctx } from './platform/http'
import { API_BASE_PATH, createRouter, isoAt } from './platform/http'
import { MIGRATIONS_TABLE, ownTables } from './platform/migrate'
import { buildOpenApiDocument } from './platform/openapi'
import type { ServerSettings } from './platform/settings'
import { registerAccountRoutes } from './modules/account/routes'
import type { AppRouter, MemberRow } from './modules/account/service'
import { authenticator } from './modules/account/service'
import { registerCommunityRoutes } from './modules/community/routes'
import { registerCouponRoutes } from './modules/coupons/routes'
import { registerDistributionRoutes } from './modules/distribution/routes'
import { registerMallRoutes } from './modules/mall/routes'
import { registerMembershipRoutes } from './modules/membership/routes'
import { registerOrderRoutes } from './modules/orders/routes'
import { registerPlanRoutes } from './modules/plans/routes'
import { registerPointsRoutes } from './modules/points/routes'
import { mockEndpoints } from './preview/endpoints'
import { previewPageHtml, registerPreviewRoutes } from './preview/routes'
import type { SeedKind } from './seed/index'
import { seed } from './seed/index'

export type CreateServerAppOptions = {
  db: Database
  config: AppConfig
  settings: ServerSettings
  log?: (message: string) => void
  /** The wall clock under the mock clock; tests may pin it. */
  realNow?: () => number
  /** The /__mock operator tools: off with MOCK_TOOLS=off, and always off where NODE_ENV=production. */
  hasTools?: boolean
  /**
   * When served over HTTP: requests whose Host is not this machine (or one of these names) are refused, so a
   * web page elsewhere cannot reach the server through DNS rebinding. In-process use (jest) has no Host to check.
   */
  allowedHosts?: readonly string[] | null
  /** Browser origins besides this machine's (an H5 build served from a brand's domain). */
  allowedOrigins?: readonly string[]
}

export const MAX_BODY_BYTES = 64 * 1024
/** POST /uploads alone takes an image: 5 MB of file and room for the multipart framing around it. */
export const MAX_UPLOAD_BODY_BYTES = UPLOAD_MAX_BYTES + 64 * 1024

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

const hostnameOf = (host: string): string => host.replace(/:\d+$/, '').toLowerCase()

const isLoopbackOrigin = (origin: string): boolean => {
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
  } catch {
    return false
  }
}

/** An origin as browsers send it (scheme, host, port; no trailing slash), so a configured one compares. */
const originOf = (value: string): string => {
  try {
    return new URL(value).origin
  } catch {
    return value
  }
}

/** A page served on this server's own host name (an H5 build on the API's domain, its /api passed through). */
const isOwnHost = (origin: string, host: string | undefined): boolean => {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

/** Each switched route by `METHOD /path` (the contract's path, as registered). */
const FEATURE_OF_ROUTE = new Map<string, FeatureName>([
  ...Object.entries(FEATURE_OF_ENDPOINT).flatMap(([name, feature]): [string, FeatureName][] => {
    const endpoint = allEndpoints[name as keyof typeof allEndpoints]
    return feature ? [[`${endpoint.method} ${endpoint.path}`, feature]] : []
  }),
  ...Object.entries(FEATURE_OF_PATH).map(([path, feature]): [string, FeatureName] => [`GET ${path}`, feature]),
])

/** Tables that a reset keeps: the record of migrations, and the clock's one row (set back to zero). */
const KEPT_TABLES = [MIGRATIONS_TABLE, 'mock_clock']

/** A fresh program: every row replaced by the seed (`kind`: the demo, or the catalogue alone), the clock back to real time. */
export const resetData = async (ctx: Ctx, realNowMs: number, kind: SeedKind = 'demo'): Promise<void> => {
  // Every data table the migrations made, at once (whatever later migrations add), and none of a brand's own tables
  // in the same schema; TRUNCATE skips the ledger's append-only trigger, which guards rows, not a whole new start.
  const tables = await ctx.sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename = ANY($1) AND NOT (tablename = ANY($2))`,
    [ownTables(), KEPT_TABLES],
  )
  await ctx.sql.query(`TRUNCATE ${tables.map(({ name }) => `"${name}"`).join(', ')}`)
  await ctx.sql.query(`ALTER SEQUENCE ids RESTART WITH 1000`)
  await writeClockOffset(ctx.sql, 0)
  await seed({ ...ctx, nowMs: realNowMs, realNowMs }, kind)
}

/**
 * The API server as a fetch-style app: `app.fetch(request)` in-process (jest), or served over HTTP by
 * startMockServer. Every route lives under /api/v1 and runs in one database transaction.
 */
export const createServerApp = ({
  db,
  config,
  settings,
  log = () => {},
  realNow = Date.now,
  hasTools = true,
  allowedHosts = null,
  allowedOrigins = [],
}: CreateServerAppOptions): Hono => {
  const app = new Hono()
  if (allowedHosts !== null) {
    const allowed = new Set([...LOOPBACK_HOSTS, ...allowedHosts.map((host) => host.toLowerCase())])
    app.use('*', async (c, next) => {
      const host = c.req.header('host')
      // A load balancer's health check names the instance by its address, not the public name; /health tells
      // nothing but that the server runs and its time, so it answers whatever the Host.
      const isHealthCheck = c.req.method === 'GET' && c.req.path === `${API_BASE_PATH}/health`
      if (!isHealthCheck && (host === undefined || !allowed.has(hostnameOf(host))))
        return c.json(errorBody('FORBIDDEN', `This server does not answer for the host "${host ?? ''}".`), 403)
      await next()
    })
  }
  // Tokens travel in a header, never cookies; still, only the app's own origins may read the answers.
  const origins = new Set(allowedOrigins.map(originOf))
  // A page on another site can still SEND a write that needs no preflight (a bodiless POST, like /__mock/reset):
  // CORS only hides the answer. A write that names a foreign origin is refused before it runs.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin')
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
    const isAllowed = (from: string) =>
      isLoopbackOrigin(from) || origins.has(originOf(from)) || isOwnHost(from, c.req.header('host'))
    if (isWrite && origin !== undefined && !isAllowed(origin))
      return c.json(errorBody('FORBIDDEN', `This server does not take writes from pages on ${origin}.`), 403)
    await next()
  })
  app.use(
    '*',
    cors({
      origin: (origin) => (isLoopbackOrigin(origin) || origins.has(originOf(origin)) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  )
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body stays unread: the client must not reuse this connection for its next request.
    onError: (c) =>
      c.json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KB.'), 413, { Connection: 'close' }),
  })
  const uploadBodyLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BODY_BYTES,
    onError: (c) =>
      c.json(errorBody('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MB.'), 413, { Connection: 'close' }),
  })
  const uploadPath = `${API_BASE_PATH}${communityEndpoints.upload.path}`
  app.use('*', (c, next) =>
    c.req.method === 'POST' && c.req.path === uploadPath ? uploadBodyLimit(c, next) : jsonBodyLimit(c, next),
  )
  app.use('*', async (c, next) => {
    await next()
    // @hono/node-server gives up on draining a body nobody read after 500 ms and destroys the keep-alive
    // socket, and the client's next request on it fails. Read what the route left (at most 64 KB by now).
    if (c.req.raw.body && !c.req.raw.bodyUsed) await c.req.raw.arrayBuffer().catch(() => undefined)
  })

  const router: AppRouter = createRouter<MemberRow>(app, {
    db,
    config,
    settings,
    auth: authenticator,
    realNow,
    // Without the operator tools nobody can see or reset a clock moved while previewing: real time, always.
    clockOffset: hasTools ? readClockOffset : async () => 0,
    log,
    featureOf: (method, path) => FEATURE_OF_ROUTE.get(`${method} ${path}`),
  })
  router.register(endpoints.health, async (ctx) => ({ status: 'ok' as const, now: isoAt(ctx, ctx.nowMs) }))
  router.register(endpoints.appConfig, async (ctx) => structuredClone(ctx.config))
  registerAccountRoutes(router)
  registerMembershipRoutes(router)
  registerPointsRoutes(router)
  registerMallRoutes(router)
  registerCommunityRoutes(router)
  registerDistributionRoutes(router)
  registerOrderRoutes(router)
  registerPlanRoutes(router)
  registerCouponRoutes(router)
  if (hasTools) registerPreviewRoutes(router, { reset: (ctx) => resetData(ctx, realNow()) })
  // Built at the first request, when every route has been registered (registration happens at start-up).
  let document: ReturnType<typeof buildOpenApiDocument> | null = null
  router.register(endpoints.openapi, async () => (document ??= buildOpenApiDocument(router.endpoints, mockEndpoints)))

  if (hasTools) app.get('/__preview', (c) => c.html(previewPageHtml()))
  app.get('/', (c) =>
    c.json({ name: 'FanLoop API server', apiBase: API_BASE_PATH, openapi: `${API_BASE_PATH}/openapi.json` }),
  )
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `There is no route ${c.req.method} ${c.req.path}.`), 404))
  app.onError((error, c) => {
    log(
      `[mock] ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    return c.json(errorBody('INTERNAL', 'Something went wrong on the server.'), 500)
  })
  return app
}
