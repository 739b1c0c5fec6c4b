export { ApiError, isApiError, isOutcomeUnknown, type ApiErrorKind, type FieldErrors } from './api-error'
export { createIdempotencyKey } from './idempotency-key'
export { errorFromAnswer, request, setTokenSource, tokenForRequests, type RequestOptions } from './request'
