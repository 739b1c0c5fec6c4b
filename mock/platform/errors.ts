import type { ErrorBody, ErrorCode } from '../../src/contract/all'

/**
 * Every refusal the server can give, with its HTTP status. Rules and services speak in codes only; this table
 * is the one place a code becomes a status.
 */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  SMS_CODE_INVALID: 400,
  WXACODE_INVALID: 400,
  ADDRESS_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_DISTRIBUTOR: 403,
  LEVEL_TOO_LOW: 403,
  FEATURE_OFF: 403,
  NOT_FOUND: 404,
  ALREADY_CHECKED_IN: 409,
  BIRTHDAY_ALREADY_SET: 409,
  MAKEUP_NOT_ALLOWED: 409,
  TASK_NOT_COMPLETABLE: 409,
  BIRTHDAY_GIFT_UNAVAILABLE: 409,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  LIMIT_REACHED: 409,
  ADDRESS_LIMIT_REACHED: 409,
  CANCEL_NOT_ALLOWED: 409,
  EVENT_CLOSED: 409,
  DISTRIBUTION_NOT_ALLOWED: 409,
  WITHDRAWAL_NOT_ALLOWED: 409,
  REFUND_NOT_ALLOWED: 409,
  COUPON_UNAVAILABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/** A refusal the contract names: thrown by services, answered by the http frame; anything else thrown is a bug. */
export class ApiError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly options: {
      /** Extra response headers, e.g. Retry-After on RATE_LIMITED. */
      headers?: Record<string, string>
      /**
       * The writes made before the refusal are kept (a count of wrong SMS codes must survive its own refusal).
       * Every other refusal changes nothing.
       */
      keepsWrites?: boolean
      /**
       * Fields beside `error` in the body, for a refusal that relays a third party's own answer (WeChat's
       * errcode / errmsg for the mini-program code).
       */
      extraBody?: Record<string, unknown>
    } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = STATUS_OF[code]
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody => ({
  error: details ? { code, message, details } : { code, message },
})

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `${what} was not found.`)

export const VALIDATION_MESSAGE = 'The request is not valid.'

/** 400 VALIDATION_FAILED naming the fields, for rules a schema cannot say (a date in the future). */
export const invalid = (fields: Record<string, string>): ApiError =>
  new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, { fields })
