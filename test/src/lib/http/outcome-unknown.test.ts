import { ApiError, isOutcomeUnknown, type ApiErrorKind } from '@/lib/http'

const error = (kind: ApiErrorKind, status: number | null = null) => new ApiError({ kind, status, message: kind })

describe('isOutcomeUnknown: a write may have happened though nothing said so', () => {
  test.each([
    ['no answer in time', error('timeout')],
    ['a dropped connection', error('network')],
    ['a 5xx (a proxy may answer after the server wrote)', error('server', 502)],
    ['a 2xx the app cannot read', error('bad-response', 201)],
  ])('%s: not known', (_, failure) => expect(isOutcomeUnknown(failure)).toBe(true))

  test.each([
    [
      'a refusal with a code',
      new ApiError({ kind: 'conflict', status: 409, code: 'OUT_OF_STOCK', message: 'sold out' }),
    ],
    ['bad input', error('validation', 400)],
    ['signed out', error('unauthorized', 401)],
    ['too many attempts', error('rate-limited', 429)],
    ['not an ApiError', new Error('bug')],
  ])('%s: a definite answer', (_, failure) => expect(isOutcomeUnknown(failure)).toBe(false))
})
