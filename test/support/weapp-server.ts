// The server side of the weapp tests: one in-process mock per test file, reached only over HTTP
// (its internals are not this harness's business), plus the operator routes the tests need.
import { randomUUID } from 'node:crypto'
import type { AppConfig } from '../../src/contract/config'
import { startMockServer } from '../../mock/server'
import { closeWhenFileEnds, createTestDatabase } from './test-server'

export type WeappServer = {
  apiBase: string
  close: () => Promise<void>
  reset: () => Promise<void>
  /** Signs in as a seeded persona: the token the app would have kept after a sign-in. */
  persona: (id: PersonaId) => Promise<{ token: string; member: { nickname: string; pointsBalance: number } }>
  get: <T>(path: string, token?: string) => Promise<T>
  /** A write as the app makes it (its own Idempotency-Key, the token when given), straight to the server. */
  post: <T>(path: string, body: unknown, token?: string) => Promise<T>
}

export type PersonaId =
  'new-member' | 'streak-day6' | 'kol-distributor' | 'kol-fan' | 'points-expiring' | 'birthday-month' | 'post-rejected'

/** `config`: the program config it serves (the seed's unless given, as MOCK_CONFIG would give one). */
export async function startWeappServer(options: { config?: AppConfig } = {}): Promise<WeappServer> {
  // A schema seeded by copy on the engine this jest worker's files share, not a store of its own (2-4 s a file).
  const server = await startMockServer({
    port: 0,
    db: await createTestDatabase({ config: options.config }),
    config: options.config,
  })
  // Before the schema goes (test-server's afterAll runs before the file's own): the file's own close is then a no-op.
  let closing: Promise<void> | undefined
  const close = () => (closing ??= server.close())
  closeWhenFileEnds(close)
  const call = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `Bearer ${token}`
    // Every write of the app carries one; a test's writes are each new, never a replay.
    if (method !== 'GET') headers['idempotency-key'] = `weapp-${randomUUID()}`
    const response = await fetch(`${server.apiBase}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  return {
    apiBase: server.apiBase,
    close,
    reset: async () => {
      await call('POST', '/__mock/reset', {})
    },
    persona: (id) => call('POST', '/__mock/persona', { id }),
    get: (path, token) => call('GET', path, undefined, token),
    post: (path, body, token) => call('POST', path, body, token),
  }
}
