// The system under test for browser journeys: the H5 production build and the mock API, both on
// loopback ports chosen by the OS so several runs (or a developer's `npm start`) never collide.
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from '../../../mock/platform/db'
import type { ServerSettings } from '../../../mock/platform/settings'
import type { AppConfig } from '../../../src/contract/all'
import { startMockServer, type MockServer } from '../../../mock/server'
import { track } from './cleanup'
import { distH5 } from './paths'
import { startStaticServer } from './static-server'

export type Stack = {
  /** Origin serving the H5 app, e.g. http://127.0.0.1:41234 (pages at /pages/home/index). */
  baseUrl: string
  /** The mock API reached directly (for seeding/inspecting state), e.g. http://127.0.0.1:40111/api/v1. */
  apiBase: string
  /** The mock API through the app's origin, as the app itself calls it. */
  appApiBase: string
  /** The server's database, for bulk seeding that HTTP would make slow (scripts/bench-render.ts --seed service). */
  db: MockServer['db']
  close(): Promise<void>
}

export type StackOptions = {
  /** How the server behaves (e.g. a community review delay), as `startMockServer` takes them. */
  settings?: ServerSettings
  /** The program config it serves (the seed's unless given, as MOCK_CONFIG would give one). */
  config?: AppConfig
  /** A seeded database to serve (the test files' schema: ./index.ts); without one, a new in-memory store. */
  db?: Database
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!fs.existsSync(path.join(distH5, 'index.html'))) {
    throw new Error(`${distH5}/index.html not found: run npm run build:h5 first`)
  }
  // Every test file (and benchmark) starts from the seed and leaves no data behind.
  const mock = await startMockServer({
    port: 0,
    storeKind: 'memory',
    db: options.db,
    settings: options.settings,
    config: options.config,
  })
  const closeMock = track('mock server', () => mock.close())
  try {
    const web = await startStaticServer({ root: distH5, apiTarget: new URL(mock.url).origin })
    const closeWeb = track('H5 static server', () => web.close())
    return {
      baseUrl: web.url,
      apiBase: mock.apiBase,
      appApiBase: `${web.url}${new URL(mock.apiBase).pathname}`,
      db: mock.db,
      close: async () => {
        await closeWeb()
        await closeMock()
      },
    }
  } catch (error) {
    await closeMock()
    throw error
  }
}
