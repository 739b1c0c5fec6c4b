import { createTestApp, type TestAppOptions } from './test-server'

/** How one matching call should fail instead of reaching the mock. */
export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'network' }
  /** The server handles the request, but its answer never arrives (a dropped connection after the write). */
  | { kind: 'lost-answer' }

type PendingFault = { method: string; path: string; fault: Fault; timesLeft: number }

export type SentRequest = { method: string; path: string; headers: Headers; body: unknown }

/**
 * Routes the app's Taro.request (fetch on H5) to the mock API in-process: no port, a fresh
 * seeded memory store per call, and per-test faults (a 500, a hang, a malformed body).
 */
export function installInProcessApi(options: Pick<TestAppOptions, 'config'> = {}) {
  // A fresh seeded server per call, created on the first request (on the seed's config, or that config changed).
  const ready = createTestApp(options)
  const app = { fetch: async (request: Request) => (await ready).app.fetch(request) }
  const faults: PendingFault[] = []
  const sent: SentRequest[] = []

  const fakeFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://127.0.0.1')
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers as HeadersInit | undefined)
    const body = typeof init.body === 'string' ? init.body : undefined
    sent.push({ method, path: url.pathname, headers, body: body ? (JSON.parse(body) as unknown) : undefined })
    const fault = faults.find(
      (item) => item.method === method && url.pathname.endsWith(item.path) && item.timesLeft > 0,
    )
    if (fault) {
      fault.timesLeft -= 1
      if (fault.fault.kind === 'hang') return new Promise<Response>(() => undefined)
      if (fault.fault.kind === 'lost-answer') {
        await app.fetch(new Request(url, { method, headers, body }))
        return new Promise<Response>(() => undefined)
      }
      if (fault.fault.kind === 'network') throw new TypeError('Failed to fetch')
      return new Response(fault.fault.body ?? '', {
        status: fault.fault.status,
        headers: { 'Content-Type': fault.fault.contentType ?? 'application/json' },
      })
    }
    // Node's Request rejects jsdom's AbortSignal, and the mock answers at once anyway.
    return app.fetch(new Request(url, { method, headers, body }))
  }
  globalThis.fetch = fakeFetch as typeof fetch
  window.fetch = fakeFetch as typeof fetch

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; idempotencyKey?: string } = {},
  ) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
    const response = await app.fetch(
      new Request(`http://127.0.0.1/api/v1${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
    )
    return { status: response.status, json: (await response.json()) as Record<string, unknown> }
  }

  return {
    app,
    /** Every call the app made, in order (method, path, headers, parsed JSON body). */
    sent,
    /** The next `times` calls to METHOD ...path fail this way. */
    fail(method: string, path: string, fault: Fault, times = 1) {
      faults.push({ method, path, fault, timesLeft: times })
    },
    /** Calls the mock directly (not through the app), e.g. to set up a signed-in member. */
    call,
    /** Reads or changes the mock's data outside the API, as an operator would (e.g. removes a topic). */
    async sql<T = Record<string, unknown>>(statement: string, params: unknown[] = []): Promise<T[]> {
      return (await ready).db.transaction((sql) => sql.query<T>(statement, params))
    },
    async signInPersona(id: string): Promise<{ token: string; member: Record<string, unknown> }> {
      const answer = await call('POST', '/__mock/persona', { body: { id } })
      return answer.json as { token: string; member: Record<string, unknown> }
    },
  }
}
