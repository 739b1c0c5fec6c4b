import { endpoints } from '../../src/contract'
import { formatInstant } from '../domain/time'
import type { Router } from '../http/register'
import { buildOpenApiDocument } from '../openapi'

export const registerSystemRoutes = (router: Router): void => {
  router.register(endpoints.health, ({ state, nowMs }) => ({
    status: 'ok' as const,
    now: formatInstant(nowMs, state.config.timeZone),
  }))
  router.register(endpoints.appConfig, ({ state }) => structuredClone(state.config))
  // Built at the first request, when every route has been registered (registration happens at start-up).
  let document: ReturnType<typeof buildOpenApiDocument> | null = null
  router.register(endpoints.openapi, () => (document ??= buildOpenApiDocument(router.endpoints)))
}
