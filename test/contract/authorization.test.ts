import type { Endpoint } from '../../src/contract/all'
import { allEndpoints } from '../../src/contract/all'
import { mockEndpoints } from '../../mock/preview/endpoints'
import { createApiClient, expectError, hasMockRoutes, newKey, signUp } from './support/client'

const api = createApiClient()

const all: [string, Endpoint][] = [
  ...Object.entries(allEndpoints),
  ...(hasMockRoutes ? Object.entries(mockEndpoints) : []),
]
const protectedRoutes = all.filter(([, endpoint]) => !endpoint.isPublic)
const samplePath = (path: string): string => path.replace(/\{\w+\}/g, 'some-id')

describe('authorization', () => {
  let loggedOutToken: string

  beforeAll(async () => {
    const session = await signUp(api)
    loggedOutToken = session.token
    expect((await api.request('POST', '/auth/logout', { token: loggedOutToken })).status).toBe(200)
  })

  const badCredentials: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['an empty bearer', () => ({ Authorization: 'Bearer ' })],
    ['a garbage token', () => ({ Authorization: 'Bearer not-a-real-token-0123456789abcdef0123456789' })],
    ['a token named like an object key', () => ({ Authorization: 'Bearer __proto__' })],
    ['another key of Object.prototype', () => ({ Authorization: 'Bearer constructor' })],
    ['another scheme', () => ({ Authorization: 'Basic dXNlcjpwYXNz' })],
    ['a logged-out token', () => ({ Authorization: `Bearer ${loggedOutToken}` })],
  ]

  describe.each(protectedRoutes)('%s', (_name, endpoint) => {
    it.each(badCredentials)('answers 401 UNAUTHORIZED for %s', async (_label, headers) => {
      const response = await api.request(endpoint.method, samplePath(endpoint.path), {
        headers: headers(),
        ...(endpoint.body ? { body: {} } : {}),
        ...(endpoint.isIdempotent ? { idempotencyKey: newKey() } : {}),
      })
      expectError(response, 401, 'UNAUTHORIZED')
    })
  })

  it('checks the token before the body or the Idempotency-Key', async () => {
    expectError(await api.request('PATCH', '/me', { rawBody: '{not json' }), 401, 'UNAUTHORIZED')
    if (hasMockRoutes)
      expectError(await api.request('POST', '/__mock/grant', { body: { points: 1 } }), 401, 'UNAUTHORIZED')
  })

  it('keeps public reads open to visitors, and to a stale token', async () => {
    for (const path of [
      '/health',
      '/app/config',
      '/gifts',
      '/gifts/gift-tote',
      '/gift-categories',
      '/posts',
      '/posts/post-challenge',
      '/topics',
      '/openapi.json',
    ]) {
      expect([path, (await api.request('GET', path)).status]).toEqual([path, 200])
      expect([path, (await api.request('GET', path, { token: loggedOutToken })).status]).toEqual([path, 200])
    }
  })

  it('accepts the bearer scheme in any case, as HTTP says', async () => {
    const session = await signUp(api)
    const response = await api.request('GET', '/me', { headers: { Authorization: `bearer ${session.token}` } })
    expect(response.status).toBe(200)
  })
})
