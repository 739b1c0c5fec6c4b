import * as v from 'valibot'
import { Member, SignedIn, SmsSent } from '../../src/contract/all'
import { MockMemberState } from '../../mock/preview/endpoints'
import {
  createApiClient,
  describeWithMockRoutes,
  expectError,
  expectShape,
  randomPhone,
  signInAsPersona,
  signUp,
} from './support/client'

const api = createApiClient()
const DAY_MS = 24 * 60 * 60 * 1000

const mockStateOf = async (token: string) => {
  const response = await api.request('GET', '/__mock/me', { token })
  expect(response.status).toBe(200)
  return expectShape(MockMemberState, response.body)
}

describe('auth: phone', () => {
  it('"sends" an SMS code', async () => {
    const phone = randomPhone()
    const response = await api.request('POST', '/auth/sms', { body: { phone } })
    expect(response.status).toBe(200)
    expect(expectShape(SmsSent, response.body)).toEqual({ phone, resendAfterSeconds: 60 })
  })

  it('creates the member on first sign-in and finds the same one next time', async () => {
    const first = await signUp(api)
    expect(first.token.length).toBeGreaterThanOrEqual(32)
    expect(first.member).toMatchObject({
      nickname: `会员${first.phone.slice(-4)}`,
      levelCode: 'V1',
      growth: 0,
      pointsBalance: 0,
      isDistributor: false,
      referralCode: null,
      birthday: null,
    })
    const second = await signUp(api, { phone: first.phone })
    expect(second.member.id).toBe(first.member.id)
    expect(second.token).not.toBe(first.token)
  })

  it('refuses a wrong code with 400 SMS_CODE_INVALID and creates nothing', async () => {
    const phone = randomPhone()
    const refused = await api.request('POST', '/auth/phone', { body: { phone, smsCode: '654321', ref: 'LINA88' } })
    expectError(refused, 400, 'SMS_CODE_INVALID')
    expect(refused.text).not.toContain('token')
  })

  it('keeps sessions apart: each token is exactly one member', async () => {
    const [a, b] = await Promise.all([signUp(api), signUp(api)])
    expect(a.member.id).not.toBe(b.member.id)
    const meA = await api.request('GET', '/me', { token: a.token })
    const meB = await api.request('GET', '/me', { token: b.token })
    expect(expectShape(Member, meA.body).id).toBe(a.member.id)
    expect(expectShape(Member, meB.body).id).toBe(b.member.id)
    await api.request('PATCH', '/me', { token: a.token, body: { nickname: '只改我自己' } })
    expect(expectShape(Member, (await api.request('GET', '/me', { token: b.token })).body).nickname).toBe(
      b.member.nickname,
    )
  })

  it('logout ends that session only', async () => {
    const first = await signUp(api)
    const second = await signUp(api, { phone: first.phone })
    const logout = await api.request('POST', '/auth/logout', { token: first.token })
    expect(logout.status).toBe(200)
    expect(logout.body).toEqual({ ok: true })
    expectError(await api.request('GET', '/me', { token: first.token }), 401, 'UNAUTHORIZED')
    expectError(await api.request('POST', '/auth/logout', { token: first.token }), 401, 'UNAUTHORIZED')
    expect((await api.request('GET', '/me', { token: second.token })).status).toBe(200)
  })
})

describe('auth: wechat', () => {
  const installId = () => `install_${Math.random().toString(36).slice(2, 12)}`

  it('keeps one member per installId across sign-ins with different codes', async () => {
    const id = installId()
    const first = await api.request('POST', '/auth/wechat', { body: { code: `code-${Math.random()}`, installId: id } })
    const second = await api.request('POST', '/auth/wechat', { body: { code: `code-${Math.random()}`, installId: id } })
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    const a = expectShape(SignedIn, first.body)
    const b = expectShape(SignedIn, second.body)
    expect(b.member.id).toBe(a.member.id)
    expect(a.member.nickname).toMatch(/^微信用户/)
  })

  it('maps each distinct code to one member when no installId comes', async () => {
    const code = `code-${Math.random()}`
    const first = expectShape(SignedIn, (await api.request('POST', '/auth/wechat', { body: { code } })).body)
    const again = expectShape(SignedIn, (await api.request('POST', '/auth/wechat', { body: { code } })).body)
    const other = expectShape(
      SignedIn,
      (await api.request('POST', '/auth/wechat', { body: { code: `${code}-other` } })).body,
    )
    expect(again.member.id).toBe(first.member.id)
    expect(other.member.id).not.toBe(first.member.id)
  })

  it('rejects an installId that is not an opaque id', async () => {
    const response = await api.request('POST', '/auth/wechat', { body: { code: 'abc', installId: 'short' } })
    expectError(response, 400, 'VALIDATION_FAILED')
  })
})

describeWithMockRoutes('auth: referral codes at sign-in', () => {
  let kolId: string
  let mentorId: string
  let kolPhone: string

  beforeAll(async () => {
    const kol = await signInAsPersona(api, 'kol-distributor')
    kolId = kol.member.id
    const kolState = await mockStateOf(kol.token)
    expect(kolState.member.referralCode).toBe('LINA88')
    kolPhone = kolState.phone ?? ''
    const mentorSignIn = await api.request('POST', '/auth/phone', { body: { phone: '13800000006', smsCode: '123456' } })
    mentorId = v.parse(SignedIn, mentorSignIn.body).member.id
  })

  it('records the first code and binds a new member to its distributor for 30 days', async () => {
    const fan = await signUp(api, { ref: 'LINA88' })
    const state = await mockStateOf(fan.token)
    expect(state.signupRef).toBe('LINA88')
    expect(state.referrer).toMatchObject({ distributorId: kolId, source: 'link' })
    const boundAt = Date.parse(state.referrer?.boundAt ?? '')
    expect(Date.parse(state.referrer?.protectedUntil ?? '') - boundAt).toBe(30 * DAY_MS)
  })

  it('keeps the first referrer: a later code neither re-binds nor replaces the recorded ref', async () => {
    const fan = await signUp(api, { ref: 'LINA88' })
    await signUp(api, { phone: fan.phone, ref: 'MIAO66' })
    const state = await mockStateOf(fan.token)
    expect(state.signupRef).toBe('LINA88')
    expect(state.referrer?.distributorId).toBe(kolId)
  })

  it('binds an existing member who had no referrer yet', async () => {
    const member = await signUp(api)
    expect((await mockStateOf(member.token)).referrer).toBeNull()
    await signUp(api, { phone: member.phone, ref: 'MIAO66' })
    const state = await mockStateOf(member.token)
    expect(state.referrer?.distributorId).toBe(mentorId)
    expect(state.signupRef).toBe('MIAO66')
  })

  it('signs in with an unknown code, recording it and binding nobody', async () => {
    const member = await signUp(api, { ref: 'NOBODY1' })
    const state = await mockStateOf(member.token)
    expect(state.signupRef).toBe('NOBODY1')
    expect(state.referrer).toBeNull()
  })

  it('never binds a distributor to themselves', async () => {
    const kol = await signUp(api, { phone: kolPhone, ref: 'LINA88' })
    expect(kol.member.id).toBe(kolId)
    expect((await mockStateOf(kol.token)).referrer).toBeNull()
  })

  it('never closes a loop: the KOL cannot be bound to someone they referred', async () => {
    const kol = await signUp(api, { phone: kolPhone, ref: 'MIAO66' })
    expect((await mockStateOf(kol.token)).referrer).toBeNull()
  })

  it('does not bind through a failed sign-in', async () => {
    const phone = randomPhone()
    expectError(
      await api.request('POST', '/auth/phone', { body: { phone, smsCode: '000000', ref: 'LINA88' } }),
      400,
      'SMS_CODE_INVALID',
    )
    const member = await signUp(api, { phone, ref: 'MIAO66' })
    const state = await mockStateOf(member.token)
    expect(state.signupRef).toBe('MIAO66')
    expect(state.referrer?.distributorId).toBe(mentorId)
  })

  it('rejects a malformed referral code as a validation error', async () => {
    const response = await api.request('POST', '/auth/phone', {
      body: { phone: randomPhone(), smsCode: '123456', ref: 'way-too-long-code' },
    })
    expectError(response, 400, 'VALIDATION_FAILED')
  })
})
