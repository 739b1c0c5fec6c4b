import { Clock } from '../../mock/preview/endpoints'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  newKey,
  signInAsPersona,
  signUp,
} from './support/client'

const api = createApiClient()

// Reset ends every session on the server, including those of test files running beside this one: over HTTP it
// runs only when asked (API_ALLOW_RESET=1, with --runInBand).
const describeReset = api.isInProcess || process.env.API_ALLOW_RESET === '1' ? describeWithMockRoutes : describe.skip

describeReset('POST /__mock/reset', () => {
  it('brings back the seed: sessions end, personas and the clock start over, changes are gone', async () => {
    const member = await signUp(api)
    const persona = await signInAsPersona(api, 'new-member')
    await api.request('POST', '/__mock/grant', {
      token: persona.token,
      body: { points: 999 },
      idempotencyKey: newKey(),
    })
    await api.request('PATCH', '/__mock/gifts/gift-tote', { body: { stock: 0 } })
    await api.request('POST', '/__mock/clock', { body: { advanceDays: 400 } })

    const reset = await api.request('POST', '/__mock/reset')
    expect(reset.status).toBe(200)
    expect(reset.body).toEqual({ ok: true })

    expectError(await api.request('GET', '/me', { token: member.token }), 401, 'UNAUTHORIZED')
    expectError(await api.request('GET', '/me', { token: persona.token }), 401, 'UNAUTHORIZED')
    expect((await signInAsPersona(api, 'new-member')).member.pointsBalance).toBe(0)
    expect(((await api.request('GET', '/gifts/gift-tote')).body as { stock: number }).stock).toBeGreaterThan(0)
    const { now } = expectShape(Clock, (await api.request('GET', '/__mock/clock')).body)
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(5 * 60_000)
  })
})
