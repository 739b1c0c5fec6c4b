import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createMockApp } from './app'
import { API_BASE_PATH } from './http/register'
import type { MockStore } from './store'
import { createFileStore, createMemoryStore } from './store'

export type StartMockServerOptions = {
  /** 0 picks a free port. */
  port?: number
  /** Where `mock-db.json` lives (file store only). */
  dataDir?: string
  storeKind?: 'file' | 'memory'
  log?: (message: string) => void
}

export type MockServer = {
  /** http://127.0.0.1:PORT */
  url: string
  /** url + /api/v1 */
  apiBase: string
  store: MockStore
  close(): Promise<void>
}

/** Serves the mock API on 127.0.0.1 only: it has no auth on its operator routes, so it must not face a network. */
export const startMockServer = async ({
  port = 0,
  dataDir = '.data',
  storeKind = 'file',
  log = () => {},
}: StartMockServerOptions = {}): Promise<MockServer> => {
  const store = storeKind === 'memory' ? createMemoryStore() : createFileStore({ dataDir, log })
  const app = createMockApp({ store, log })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(listening))
    listening.once('error', reject)
  })
  const { port: boundPort } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${boundPort}`
  return {
    url,
    apiBase: `${url}${API_BASE_PATH}`,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeIdleConnections' in server) server.closeIdleConnections()
      })
      await store.close()
    },
  }
}
