import { isApiError, type ApiErrorKind } from '../http'
import { commonMessages, errorCodeMessages } from './common-messages'
import type { Locale } from './locale'

const messageKeyForKind: Record<ApiErrorKind, keyof (typeof commonMessages)['zh-CN']> = {
  network: 'networkError',
  timeout: 'timeoutError',
  server: 'serverError',
  'bad-response': 'badResponse',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  'not-found': 'notFound',
  'rate-limited': 'rateLimited',
  conflict: 'conflict',
  validation: 'validation',
}

/** What to tell a person about a failed call, in their language. */
export function describeError(error: unknown, locale: Locale): string {
  if (!isApiError(error)) return commonMessages[locale].serverError
  const byCode = errorCodeMessages[locale] as Record<string, string>
  if (error.code && byCode[error.code]) return byCode[error.code] as string
  return commonMessages[locale][messageKeyForKind[error.kind]] as string
}
