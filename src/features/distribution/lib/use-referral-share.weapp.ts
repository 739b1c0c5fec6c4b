import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { meQuery } from '@/features/account/api/account-queries'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { referralQuery, withReferral } from './share-link'
import type { ShareTarget } from './share-target'

/**
 * What this page shares to a chat and to Moments, carrying the member's own referral code when they
 * have one (a distributor). The page config must set `enableShareAppMessage` / `enableShareTimeline`
 * on weapp; on H5 Taro's hooks do nothing. Sharing itself pays nothing: no request is made here.
 */
export function useReferralShare(target: ShareTarget): void {
  const isSignedIn = useSession(selectIsSignedIn)
  const code = useQuery({ ...meQuery(), enabled: isSignedIn }).data?.referralCode ?? null
  const query = target.query ?? ''
  const payload = {
    title: target.title,
    path: withReferral(query ? `${target.path}?${query}` : target.path, code),
    query: referralQuery(query, code),
  }
  useShareAppMessage(() => ({ title: payload.title, path: payload.path }))
  useShareTimeline(() => ({ title: payload.title, query: payload.query }))
}
