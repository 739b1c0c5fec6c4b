import type { Endpoint, EndpointName } from '../../src/contract'
import { endpoints } from '../../src/contract'
import { mockEndpoints } from '../../mock/mock-endpoints'
import type { ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectShape, newKey, randomPhone, signUp } from './support/client'

const api = createApiClient()

type Call = (token: string) => Promise<ApiResponse>

// Keyed by endpoint name, so a new endpoint does not compile until it has a sample call here.
const contractCalls: Record<EndpointName, Call> = {
  health: () => api.request('GET', '/health'),
  openapi: () => api.request('GET', '/openapi.json'),
  appConfig: () => api.request('GET', '/app/config'),
  sendSms: () => api.request('POST', '/auth/sms', { body: { phone: randomPhone() } }),
  signInByPhone: () => api.request('POST', '/auth/phone', { body: { phone: randomPhone(), smsCode: '123456' } }),
  signInByWechat: () =>
    api.request('POST', '/auth/wechat', { body: { code: `code-${newKey()}`, installId: `i_${newKey()}` } }),
  signOut: async () => api.request('POST', '/auth/logout', { token: (await signUp(api)).token }),
  me: (token) => api.request('GET', '/me', { token }),
  updateMe: (token) => api.request('PATCH', '/me', { token, body: { nickname: '契约测试' } }),
  gifts: (token) => api.request('GET', '/gifts?limit=50', { token }),
  giftCategories: () => api.request('GET', '/gift-categories'),
  gift: () => api.request('GET', '/gifts/gift-tote'),
  posts: (token) => api.request('GET', '/posts?section=recommend', { token }),
  post: () => api.request('GET', '/posts/post-challenge'),
  topics: () => api.request('GET', '/topics'),
}

const mockCalls: Record<keyof typeof mockEndpoints, Call | null> = {
  // On a shared server a reset would end the sessions of every other test file; reset.test.ts covers it there.
  mockReset: api.isInProcess ? () => api.request('POST', '/__mock/reset') : null,
  mockClock: () => api.request('GET', '/__mock/clock'),
  mockSetClock: () => api.request('POST', '/__mock/clock', { body: { advanceHours: 0 } }),
  mockPersonas: () => api.request('GET', '/__mock/personas'),
  mockPersona: () => api.request('POST', '/__mock/persona', { body: { id: 'kol-distributor' } }),
  mockMe: (token) => api.request('GET', '/__mock/me', { token }),
  mockGrant: (token) =>
    api.request('POST', '/__mock/grant', { token, body: { points: 10, growth: 10 }, idempotencyKey: newKey() }),
  mockSetGiftStock: async () => {
    const gift = (await api.request('GET', '/gifts/gift-tote')).body as { stock: number }
    return api.request('PATCH', '/__mock/gifts/gift-tote', { body: { stock: gift.stock } })
  },
}

const check = async (endpoint: Endpoint, call: Call): Promise<void> => {
  const { token } = await signUp(api)
  const response = await call(token)
  expect([response.status, response.text.slice(0, 300)]).toEqual([endpoint.status, expect.any(String)])
  expectShape(endpoint.response, response.body)
}

describe('every contract endpoint answers in its contract shape', () => {
  it.each(Object.entries(contractCalls) as [EndpointName, Call][])('%s', (name, call) => check(endpoints[name], call))
})

describeWithMockRoutes('every mock endpoint answers in its declared shape', () => {
  const calls = Object.entries(mockCalls).filter(
    (entry): entry is [keyof typeof mockEndpoints, Call] => entry[1] !== null,
  )
  it.each(calls)('%s', (name, call) => check(mockEndpoints[name], call))
})
