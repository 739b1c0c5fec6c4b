/**
 * The one error every API call throws. `kind` drives the UI (message, retry, sign-in redirect);
 * `code` is the contract's stable error code when the server sent one.
 */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'bad-response'

export type FieldErrors = Record<string, string>

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number | null
  readonly code: string | null
  readonly fields: FieldErrors
  /** The error body's `details` (e.g. `reason` of a refused make-up), as the server sent them. */
  readonly details: Record<string, unknown>
  readonly retryAfterSeconds: number | null

  constructor(init: {
    kind: ApiErrorKind
    message: string
    status?: number | null
    code?: string | null
    fields?: FieldErrors
    details?: Record<string, unknown>
    retryAfterSeconds?: number | null
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status ?? null
    this.code = init.code ?? null
    this.fields = init.fields ?? {}
    this.details = init.details ?? {}
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  /** Worth trying again without changing anything: the request may not have reached the server. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited'
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

/**
 * A write may have been carried out though no answer said so: no answer in time, a dropped
 * connection, a 5xx (a proxy may answer after the server wrote), or a 2xx the app cannot read.
 * Say "not known yet", never "failed", and retry only with the same Idempotency-Key.
 */
export const isOutcomeUnknown = (error: unknown): boolean =>
  isApiError(error) &&
  (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'bad-response')

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server'
  return 'validation'
}
