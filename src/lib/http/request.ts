import Taro from '@tarojs/taro'
import * as v from 'valibot'
import { ErrorBody, type BodyOf, type Endpoint, type QueryOf, type ResponseOf } from '@/contract'
import { apiBase, REQUEST_TIMEOUT_MS } from '../env'
import { ApiError, kindForStatus, type FieldErrors } from './api-error'

export type RequestOptions<E extends Endpoint> = {
  params?: Record<string, string>
  query?: QueryOf<E>
  body?: BodyOf<E>
  /** Required by endpoints that award or spend: pass the same key on every retry of one intent. */
  idempotencyKey?: string
  timeoutMs?: number
}

export type TransportAnswer = { statusCode: number; data: unknown; header: Record<string, string> }

let currentToken: () => string | null = () => null

/** The token for a call made outside `request` (uploads). */
export const tokenForRequests = (): string | null => currentToken()

/** The session store registers how to read the token; the transport itself keeps no state. */
export function setTokenSource(source: () => string | null): void {
  currentToken = source
}

function buildUrl(endpoint: Endpoint, params: Record<string, string> = {}, query: unknown): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${endpoint.path}`)
    return encodeURIComponent(value)
  })
  const search = Object.entries((query ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
  return `${apiBase}${path}${search ? `?${search}` : ''}`
}

function send(options: Taro.request.Option, timeoutMs: number): Promise<TransportAnswer> {
  return new Promise((resolve, reject) => {
    // Our own timer, so a timeout is the same typed error on every platform.
    let isSettled = false
    const task = Taro.request({
      ...options,
      timeout: timeoutMs + 1000,
      success: (answer) => {
        if (isSettled) return
        isSettled = true
        clearTimeout(timer)
        resolve({ statusCode: answer.statusCode, data: answer.data, header: (answer.header ?? {}) as Record<string, string> })
      },
      fail: (failure) => {
        if (isSettled) return
        isSettled = true
        clearTimeout(timer)
        const message = (failure as { errMsg?: string }).errMsg ?? ''
        reject(
          new ApiError({
            kind: /timeout/i.test(message) ? 'timeout' : 'network',
            message: message || 'network request failed',
          }),
        )
      },
    })
    // Taro.request returns a promise too; failures are already handled by `fail`.
    ;(task as unknown as Promise<unknown>).catch?.(() => undefined)
    const timer = setTimeout(() => {
      if (isSettled) return
      isSettled = true
      ;(task as unknown as { abort?: () => void }).abort?.()
      reject(new ApiError({ kind: 'timeout', message: `no answer within ${timeoutMs} ms` }))
    }, timeoutMs)
  })
}

function headerValue(header: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(header).find((candidate) => candidate.toLowerCase() === name)
  return key === undefined ? undefined : header[key]
}

/** Also used by the upload transport (upload.ts), so an upload's refusal reads like any other. */
export function errorFromAnswer(answer: TransportAnswer): ApiError {
  const parsed = v.safeParse(ErrorBody, answer.data)
  const retryAfter = Number(headerValue(answer.header, 'retry-after'))
  if (!parsed.success) {
    return new ApiError({ kind: kindForStatus(answer.statusCode), status: answer.statusCode, message: `HTTP ${answer.statusCode}` })
  }
  const { code, message, details } = parsed.output.error
  const fields = details && typeof details.fields === 'object' && details.fields !== null ? (details.fields as FieldErrors) : {}
  return new ApiError({
    kind: kindForStatus(answer.statusCode),
    status: answer.statusCode,
    code,
    message,
    fields,
    details: details ?? {},
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
  })
}

/**
 * The app's one way to call the API: base URL, token, Idempotency-Key, timeout, and a runtime
 * check of the answer against the contract, so a drifting backend fails here with a clear error
 * instead of three screens later. No UI side effects: toasts and redirects live in the query client.
 */
export async function request<E extends Endpoint>(endpoint: E, options: RequestOptions<E> = {}): Promise<ResponseOf<E>> {
  if (endpoint.isIdempotent && !options.idempotencyKey) {
    throw new Error(`${endpoint.method} ${endpoint.path} awards or spends: pass an idempotencyKey`)
  }
  const header: Record<string, string> = { Accept: 'application/json' }
  const token = currentToken()
  if (token) header.Authorization = `Bearer ${token}`
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey
  const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE'
  if (hasBody) header['Content-Type'] = 'application/json'

  const answer = await send(
    {
      url: buildUrl(endpoint, options.params, options.query),
      method: endpoint.method,
      header,
      data: hasBody ? (options.body ?? {}) : undefined,
      dataType: 'json',
    },
    options.timeoutMs ?? REQUEST_TIMEOUT_MS,
  )

  if (answer.statusCode < 200 || answer.statusCode >= 300) throw errorFromAnswer(answer)

  const parsed = v.safeParse(endpoint.response, answer.data)
  if (!parsed.success) {
    const where = parsed.issues[0]?.path?.map((item) => String(item.key)).join('.') || 'body'
    throw new ApiError({
      kind: 'bad-response',
      status: answer.statusCode,
      message: `${endpoint.method} ${endpoint.path}: unexpected answer at ${where}`,
    })
  }
  return parsed.output as ResponseOf<E>
}
