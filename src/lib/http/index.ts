export { ApiError, isApiError, type ApiErrorKind, type FieldErrors } from './api-error'
export { createIdempotencyKey } from './idempotency-key'
export { request, setTokenSource, type RequestOptions } from './request'
