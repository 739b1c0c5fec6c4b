import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { errorBody } from './http/errors'
import { API_BASE_PATH, createRouter } from './http/register'
import { registerAuthRoutes } from './routes/auth'
import { registerCatalogRoutes } from './routes/catalog'
import { registerCommunityRoutes } from './routes/community'
import { registerMallRoutes } from './routes/mall'
import { registerMeRoutes } from './routes/me'
import { registerMembershipRoutes } from './routes/membership'
import { registerMockToolRoutes } from './routes/mock-tools'
import { registerSystemRoutes } from './routes/system'
import type { MockStore } from './store'

export type CreateMockAppOptions = {
  store: MockStore
  log?: (message: string) => void
  /** The wall clock under the mock clock; tests of the store may pin it. */
  realNow?: () => number
}

export const MAX_BODY_BYTES = 64 * 1024

/**
 * The mock API as a fetch-style app: `app.fetch(request)` in-process (jest), or served over HTTP by
 * startMockServer. All routes live under /api/v1.
 */
export const createMockApp = ({ store, log = () => {}, realNow = Date.now }: CreateMockAppOptions): Hono => {
  const app = new Hono()
  // A phone's H5 page may call the mock directly from another origin; tokens travel in a header, never cookies.
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  )
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body stays unread: the client must not reuse this connection for its next request.
      onError: (c) =>
        c.json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KB.'), 413, { Connection: 'close' }),
    }),
  )
  app.use('*', async (c, next) => {
    await next()
    // @hono/node-server gives up on draining a body nobody read after 500 ms and destroys the keep-alive
    // socket, and the client's next request on it fails. Read what the route left (at most 64 KB by now).
    if (c.req.raw.body && !c.req.raw.bodyUsed) await c.req.raw.arrayBuffer().catch(() => undefined)
  })

  const router = createRouter(app, { store, log, realNow })
  registerSystemRoutes(router)
  registerAuthRoutes(router)
  registerMeRoutes(router)
  registerMembershipRoutes(router)
  registerCatalogRoutes(router)
  registerMallRoutes(router)
  registerCommunityRoutes(router)
  registerMockToolRoutes(router)

  app.get('/', (c) =>
    c.json({ name: 'FanLoop mock API', apiBase: API_BASE_PATH, openapi: `${API_BASE_PATH}/openapi.json` }),
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
