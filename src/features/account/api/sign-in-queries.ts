import { useMutation, useQueryClient } from '@tanstack/react-query'
import { endpoints, type PhoneSignInRequest, type SignedIn, type WechatSignInRequest } from '@/contract'
import { request } from '@/lib/http'
import { signInReferral, useReferral } from '@/stores/referral'
import { useSession } from '@/stores/session'
import { accountKeys, meQuery } from './account-queries'

// Apart from account-queries (which the tab pages import for GET /me): only the sign-in page uses these, so they
// load with its subpackage, not in the mini-program's main package.

function useSignedIn() {
  const queryClient = useQueryClient()
  return (answer: SignedIn) => {
    useSession.getState().signedIn(answer.token)
    // The captured referral code has done its job once a sign-in carried it.
    useReferral.getState().sent()
    // Whatever was cached belonged to nobody (or someone else): start clean with this member.
    queryClient.removeQueries({ queryKey: accountKeys.all })
    queryClient.setQueryData(meQuery().queryKey, answer.member)
    void queryClient.invalidateQueries()
  }
}

export function useSendSmsCode() {
  return useMutation({
    mutationFn: (phone: string) => request(endpoints.sendSms, { body: { phone } }),
    meta: { isErrorShownInPlace: true },
  })
}

export function useSignInByPhone() {
  const onSignedIn = useSignedIn()
  return useMutation({
    mutationFn: (input: Omit<PhoneSignInRequest, 'ref'>) => {
      return request(endpoints.signInByPhone, { body: { ...input, ...signInReferral() } })
    },
    onSuccess: onSignedIn,
    meta: { isErrorShownInPlace: true },
  })
}

export function useSignInByWechat(getLoginCode: () => Promise<string>) {
  const onSignedIn = useSignedIn()
  return useMutation({
    mutationFn: async () => {
      const code = await getLoginCode()
      const body: WechatSignInRequest = { code, installId: useSession.getState().installId, ...signInReferral() }
      return request(endpoints.signInByWechat, { body })
    },
    onSuccess: onSignedIn,
    meta: { isErrorShownInPlace: true },
  })
}
