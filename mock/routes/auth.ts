import { endpoints } from '../../src/contract'
import { ApiError } from '../http/errors'
import type { Router } from '../http/register'
import { applyReferral, createMember, createSession, toMember } from '../members'
import type { MemberRecord, MockState } from '../state'
import { ownEntry } from '../state'
import { settleTasks } from '../tasks'

/** The only code the mock "sends" (api-contract.md, mock logins). */
export const MOCK_SMS_CODE = '123456'

const signedIn = (state: MockState, member: MemberRecord, ref: string | undefined, nowMs: number) => {
  const distributor = ref === undefined ? null : applyReferral(state, member, ref, nowMs)
  // A friend registered through the distributor's referral: their invite task pays now.
  if (distributor) settleTasks(state, distributor, nowMs)
  return { token: createSession(state, member.id, nowMs), member: toMember(state, member, nowMs) }
}

export const registerAuthRoutes = ({ register }: Router): void => {
  register(endpoints.sendSms, ({ body }) => ({ phone: body.phone, resendAfterSeconds: 60 }))

  register(endpoints.signInByPhone, ({ state, body, nowMs }) => {
    if (body.smsCode !== MOCK_SMS_CODE)
      throw new ApiError(400, 'SMS_CODE_INVALID', 'The SMS code is wrong or has expired.')
    const member =
      state.members.find((candidate) => candidate.phone === body.phone) ??
      createMember(state, { nickname: `会员${body.phone.slice(-4)}`, phone: body.phone }, nowMs)
    return signedIn(state, member, body.ref, nowMs)
  })

  register(endpoints.signInByWechat, ({ state, body, nowMs }) => {
    // A real backend gets the openid from code2session; the mock takes the app's install id in its place.
    const known =
      body.installId !== undefined
        ? state.members.find((candidate) => candidate.wechatOpenId === body.installId)
        : state.members.find((candidate) => candidate.id === ownEntry(state.wechatCodes, body.code))
    const member = known ?? createMember(state, { nickname: '微信用户', wechatOpenId: body.installId ?? null }, nowMs)
    if (!known) member.nickname = `微信用户${member.id.replace(/\D/g, '').slice(-4)}`
    if (body.installId === undefined) state.wechatCodes[body.code] = member.id
    return signedIn(state, member, body.ref, nowMs)
  })

  register(endpoints.signOut, ({ state, token }) => {
    if (token !== null) delete state.sessions[token]
    return { ok: true as const }
  })
}
