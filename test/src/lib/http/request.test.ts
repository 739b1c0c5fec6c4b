import * as v from 'valibot'
import { AppConfig, endpoints, type Endpoint } from '@/contract'
import { ApiError, request } from '@/lib/http'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../../support/in-process-api'

const grant = {
  method: 'POST',
  path: '/__mock/grant',
  summary: 'test-only view of the mock grant route',
  isPublic: false,
  isIdempotent: true,
  body: v.object({ points: v.number() }),
  response: v.unknown(),
  status: 200,
} as const satisfies Endpoint

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

describe('request()', () => {
  test('answers the parsed, validated body', async () => {
    installInProcessApi()
    const config = await request(endpoints.appConfig)
    expect(v.is(AppConfig, config)).toBe(true)
    expect(config.levels.map((level) => level.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5'])
  })

  test('a 401 is an unauthorized ApiError carrying the contract code', async () => {
    installInProcessApi()
    const error = await caught(request(endpoints.me))
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'UNAUTHORIZED' })
  })

  test('sends the token of the session', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    const me = await request(endpoints.me)
    expect(me.levelCode).toBe('V1')
    expect(api.sent.at(-1)?.headers.get('authorization')).toBe(`Bearer ${token}`)
  })

  test('a 400 is a validation error with the fields the server named', async () => {
    installInProcessApi()
    const error = await caught(request(endpoints.sendSms, { body: { phone: '12345' } }))
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: 'VALIDATION_FAILED' })
    expect(Object.keys(error.fields)).toContain('phone')
  })

  test.each([
    ['a 500 with the error body', { kind: 'status', status: 500, body: '{"error":{"code":"INTERNAL","message":"boom"}}' }, 'server'],
    ['a 502 from a proxy, as HTML', { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }, 'server'],
    ['a 200 that is not JSON', { kind: 'status', status: 200, body: '<html>oops</html>', contentType: 'text/html' }, 'bad-response'],
    ['a 200 of the wrong shape', { kind: 'status', status: 200, body: '{"brandName":42}' }, 'bad-response'],
    ['a 429', { kind: 'status', status: 429, body: '{"error":{"code":"RATE_LIMITED","message":"slow"}}' }, 'rate-limited'],
    ['a dropped connection', { kind: 'network' }, 'network'],
  ] as const)('%s is a typed ApiError (%s)', async (_, fault, kind) => {
    const api = installInProcessApi()
    api.fail('GET', '/app/config', fault)
    const error = await caught(request(endpoints.appConfig))
    expect(error.kind).toBe(kind)
  })

  test('no answer within the timeout is a timeout ApiError', async () => {
    const api = installInProcessApi()
    api.fail('GET', '/app/config', { kind: 'hang' })
    const error = await caught(request(endpoints.appConfig, { timeoutMs: 50 }))
    expect(error.kind).toBe('timeout')
    expect(error.isTransient).toBe(true)
  })

  test('a spending call cannot be made without an Idempotency-Key', async () => {
    installInProcessApi()
    await expect(request(grant, { body: { points: 5 } })).rejects.toThrow(/idempotencyKey/)
  })

  test('the Idempotency-Key goes out, and a retry with it changes the balance once', async () => {
    const api = installInProcessApi()
    const { token } = await api.signInPersona('new-member')
    useSession.getState().signedIn(token)
    await request(grant, { body: { points: 40 }, idempotencyKey: 'key-1' })
    await request(grant, { body: { points: 40 }, idempotencyKey: 'key-1' })
    expect(api.sent.at(-1)?.headers.get('idempotency-key')).toBe('key-1')
    expect((await request(endpoints.me)).pointsBalance).toBe(40)
  })
})
