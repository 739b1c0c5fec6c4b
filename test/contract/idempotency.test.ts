import { Member } from '../../src/contract/all'
import { Granted, MockMemberState } from '../../mock/preview/endpoints'
import type { ApiResponse } from './support/client'
import { createApiClient, describeWithMockRoutes, expectError, expectShape, newKey, signUp } from './support/client'

const api = createApiClient()

const balanceOf = async (token: string): Promise<number> =>
  expectShape(Member, (await api.request('GET', '/me', { token })).body).pointsBalance

const grant = (token: string, body: unknown, idempotencyKey?: string): Promise<ApiResponse> =>
  api.request('POST', '/__mock/grant', { token, body, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) })

// /__mock/grant stands in for every awarding or spending POST: they share the same idempotency frame.
describeWithMockRoutes('idempotency (via POST /__mock/grant)', () => {
  let token: string

  beforeEach(async () => {
    token = (await signUp(api)).token
  })

  it('requires an Idempotency-Key: 400 IDEMPOTENCY_KEY_REQUIRED, nothing changed', async () => {
    expectError(await grant(token, { points: 10 }), 400, 'IDEMPOTENCY_KEY_REQUIRED')
    expectError(await grant(token, { points: 10 }, ''), 400, 'IDEMPOTENCY_KEY_REQUIRED')
    expect(await balanceOf(token)).toBe(0)
  })

  it('replays the first answer for the same key and body, changing the balance once', async () => {
    const key = newKey()
    const first = await grant(token, { points: 120, reason: '测试补偿' }, key)
    expect(first.status).toBe(200)
    const granted = expectShape(Granted, first.body)
    expect(granted.member.pointsBalance).toBe(120)
    expect(granted.entry).toMatchObject({ delta: 120, type: 'adjustment', reason: '测试补偿' })
    const again = await grant(token, { reason: '测试补偿', points: 120 }, key)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await balanceOf(token)).toBe(120)
  })

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, changing nothing', async () => {
    const key = newKey()
    expect((await grant(token, { points: 50 }, key)).status).toBe(200)
    expectError(await grant(token, { points: 5000 }, key), 422, 'IDEMPOTENCY_KEY_REUSED')
    expect(await balanceOf(token)).toBe(50)
  })

  it('does not burn a key on a request that failed validation', async () => {
    const key = newKey()
    expectError(await grant(token, { points: 'lots' }, key), 400, 'VALIDATION_FAILED')
    expect((await grant(token, { points: 30 }, key)).status).toBe(200)
    expect(await balanceOf(token)).toBe(30)
  })

  it('applies 50 concurrent requests with one key exactly once, all answered alike', async () => {
    const key = newKey()
    const responses = await Promise.all(Array.from({ length: 50 }, () => grant(token, { points: 7, growth: 3 }, key)))
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200))
    for (const response of responses) expect(response.body).toEqual(responses[0]?.body)
    const me = expectShape(Member, (await api.request('GET', '/me', { token })).body)
    expect(me.pointsBalance).toBe(7)
    expect(me.growth).toBe(3)
  })

  it('applies 50 concurrent requests with distinct keys 50 times', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => grant(token, { points: 2 }, newKey())))
    expect(responses.every((response) => response.status === 200)).toBe(true)
    expect(await balanceOf(token)).toBe(100)
  })

  it('scopes keys to the member: another member with the same key gets their own grant', async () => {
    const other = (await signUp(api)).token
    const key = newKey()
    expect((await grant(token, { points: 11 }, key)).status).toBe(200)
    expect((await grant(other, { points: 22 }, key)).status).toBe(200)
    expect(await balanceOf(token)).toBe(11)
    expect(await balanceOf(other)).toBe(22)
  })

  it('never lets points go below zero: 409 INSUFFICIENT_POINTS, replayed as such, nothing changed', async () => {
    expect((await grant(token, { points: 40 }, newKey())).status).toBe(200)
    const key = newKey()
    const refused = await grant(token, { points: -41 }, key)
    expectError(refused, 409, 'INSUFFICIENT_POINTS')
    expect((await grant(token, { points: -41 }, key)).body).toEqual(refused.body)
    expect(await balanceOf(token)).toBe(40)
    expect((await grant(token, { points: -40 }, newKey())).status).toBe(200)
    expect(await balanceOf(token)).toBe(0)
  })

  it('never goes negative under concurrent spends either', async () => {
    expect((await grant(token, { points: 100 }, newKey())).status).toBe(200)
    const responses = await Promise.all(Array.from({ length: 20 }, () => grant(token, { points: -30 }, newKey())))
    expect(responses.filter((response) => response.status === 200)).toHaveLength(3)
    expect(responses.filter((response) => response.status === 409)).toHaveLength(17)
    expect(await balanceOf(token)).toBe(10)
  })

  it('keeps the balance equal to the sum of the ledger, and the level following growth', async () => {
    for (const body of [{ points: 500 }, { points: -120 }, { points: 35, growth: 150 }, { growth: 60 }]) {
      expect((await grant(token, body, newKey())).status).toBe(200)
    }
    const state = expectShape(MockMemberState, (await api.request('GET', '/__mock/me', { token })).body)
    expect(state.member.pointsBalance).toBe(415)
    expect(state.ledger.reduce((sum, entry) => sum + entry.delta, 0)).toBe(415)
    expect(state.member.growth).toBe(210)
    expect(state.member.levelCode).toBe('V2')
  })
})

// The self-reported task pays once a day: a second run of it would be 409, so a replay is easy to tell apart.
describe('idempotency keys are scoped by member, route and decoded parameters', () => {
  const complete = (token: string, id: string, idempotencyKey: string): Promise<ApiResponse> =>
    api.request('POST', `/tasks/${id}/complete`, { token, idempotencyKey })

  it('replays the answer for the same task spelled percent-encoded, and runs it afresh for another member', async () => {
    const token = (await signUp(api)).token
    const key = newKey()
    const first = await complete(token, 'task-browse-hot', key)
    expect(first.status).toBe(200)
    const balance = await balanceOf(token)
    expect(balance).toBeGreaterThan(0)
    // One resource, one key: the stored answer, not a second completion nor 409 "already done today".
    const encoded = await complete(token, 'task%2Dbrowse%2Dhot', key)
    expect(encoded.status).toBe(first.status)
    expect(encoded.body).toEqual(first.body)
    expect(await balanceOf(token)).toBe(balance)
    // A new key for the same task is a new request: done already today.
    expect((await complete(token, 'task-browse-hot', newKey())).status).toBe(409)
    // The same key from someone else is their own request, with their own answer.
    const other = (await signUp(api)).token
    const theirs = await complete(other, 'task-browse-hot', key)
    expect(theirs.status).toBe(200)
    expect(await balanceOf(other)).toBe(balance)
    expect((await complete(other, 'task%2Dbrowse%2Dhot', key)).body).toEqual(theirs.body)
  })
})
