import { endpoints } from '../../../src/contract/all'
import type { AppRouter } from './service'
import { endSession, sendSms, signInByPhone, signInByWechat, toMember, updateMe } from './service'

export const registerAccountRoutes = ({ register }: AppRouter): void => {
  register(endpoints.sendSms, ({ body, ...ctx }) => sendSms(ctx, body.phone))
  register(endpoints.signInByPhone, ({ body, ...ctx }) => signInByPhone(ctx, body))
  register(endpoints.signInByWechat, ({ body, ...ctx }) => signInByWechat(ctx, body))
  register(endpoints.signOut, async ({ token, ...ctx }) => {
    if (token !== null) await endSession(ctx, token)
    return { ok: true as const }
  })
  register(endpoints.me, ({ member, ...ctx }) => toMember(ctx, member))
  register(endpoints.updateMe, ({ member, body, origin, ...ctx }) => updateMe(ctx, member, body, origin))
}
