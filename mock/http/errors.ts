import type { ErrorBody, ErrorCode } from '../../src/contract'

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500

/** Thrown by handlers for an answer the contract names; anything else thrown is a bug and answers 500. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody => ({
  error: details ? { code, message, details } : { code, message },
})

export const notFound = (what: string): ApiError => new ApiError(404, 'NOT_FOUND', `${what} was not found.`)
