import { randomUUID } from 'node:crypto'
import * as v from 'valibot'
import { ErrorBody, SignedIn } from '../../../src/contract/all'
import { createTestApp } from '../../support/test-server'

/**
 * The contract suite's only way to the API: in-process against a fresh in-memory mock by default, or over
 * HTTP to any backend with API_BASE_URL (e.g. http://127.0.0.1:9527/api/v1 while `npm run mock` runs).
 * Against a shared server, run `--runInBand`: a few tests move the mock clock. Set API_NO_MOCK_ROUTES=1 for
 * a backend without the /__mock routes; the tests that need them are then skipped.
 */
export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string }

export type RequestOptions = {
  token?: string | null
  /** JSON-encoded unless `rawBody` is given. */
  body?: unknown
  rawBody?: string
  /** A multipart body (uploads); fetch sets its Content-Type with the boundary. */
  form?: FormData
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null
  idempotencyKey?: string
  headers?: Record<string, string>
}

export type ApiClient = {
  readonly baseUrl: string
  readonly isInProcess: boolean
  request: <T = unknown>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
}

const externalBase = process.env.API_BASE_URL?.replace(/\/+$/, '')

export const hasMockRoutes = process.env.API_NO_MOCK_ROUTES !== '1'
export const describeWithMockRoutes = hasMockRoutes ? describe : describe.skip
export const itWithMockRoutes = hasMockRoutes ? it : it.skip

export const createApiClient = (): ApiClient => {
  // In-process: a fresh seeded server of its own, created on the first request.
  const app = externalBase ? null : createTestApp()
  const baseUrl = externalBase ?? 'http://mock.test/api/v1'
  const send = async (request: Request): Promise<Response> => (app ? (await app).app.fetch(request) : fetch(request))
  return {
    baseUrl,
    isInProcess: app !== null,
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const headers = new Headers(options.headers)
      if (options.token) headers.set('Authorization', `Bearer ${options.token}`)
      if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey)
      const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
      if (payload !== undefined && options.contentType !== null)
        headers.set('Content-Type', options.contentType ?? 'application/json')
      const response = await send(new Request(`${baseUrl}${path}`, { method, headers, body: options.form ?? payload }))
      const text = await response.text()
      let body: unknown = text
      try {
        body = text === '' ? null : JSON.parse(text)
      } catch {
        /* not JSON: keep the text, tests will say so */
      }
      return { status: response.status, headers: response.headers, body: body as T, text }
    },
  }
}

export const newKey = (): string => randomUUID()

/** A mainland mobile number no other test (or earlier run against a persistent server) is likely to use. */
export const randomPhone = (): string => `19${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`

export const signUp = async (
  api: ApiClient,
  extra: { ref?: string; phone?: string } = {},
): Promise<SignedIn & { phone: string }> => {
  const phone = extra.phone ?? randomPhone()
  const response = await api.request('POST', '/auth/phone', {
    body: { phone, smsCode: '123456', ...(extra.ref ? { ref: extra.ref } : {}) },
  })
  expect(response.status).toBe(200)
  return { ...v.parse(SignedIn, response.body), phone }
}

export const signInAsPersona = async (api: ApiClient, id: string): Promise<SignedIn> => {
  const response = await api.request('POST', '/__mock/persona', { body: { id } })
  expect(response.status).toBe(200)
  return v.parse(SignedIn, response.body)
}

/** Parses with a contract schema and, on failure, fails with the issues (not just "false"). */
export const expectShape = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> => {
  const result = v.safeParse(schema, value)
  if (!result.success)
    throw new Error(
      `Does not match the contract: ${JSON.stringify(v.flatten(result.issues))}\n${JSON.stringify(value)}`,
    )
  return result.output
}

export const expectError = (response: ApiResponse, status: number, code: string): ErrorBody => {
  if (response.status !== status)
    throw new Error(`Expected ${status} ${code}, got ${response.status}: ${response.text.slice(0, 500)}`)
  const body = expectShape(ErrorBody, response.body)
  expect(body.error.code).toBe(code)
  expect(body.error.message.length).toBeGreaterThan(0)
  return body
}

export const fieldsOf = (response: ApiResponse): Record<string, unknown> => {
  const body = expectError(response, 400, 'VALIDATION_FAILED')
  const fields = body.error.details?.fields
  expect(fields).toEqual(expect.any(Object))
  return fields as Record<string, unknown>
}
