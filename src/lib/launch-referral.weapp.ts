import { useLaunch } from '@tarojs/taro'
import { useReferral } from '@/stores/referral'
import { findReferralCode, findReferralSource } from './referral'

/**
 * weapp: the launch options' query, where a mini-program code puts `scene=r%3DCODE` and a shared
 * path puts `ref=CODE`. Binds like a link does (first touch wins, sent at sign-in); the first page
 * also captures its own query, this covers a launch whose page does not carry it.
 */
export function useLaunchReferral(): void {
  useLaunch((options) => useReferral.getState().captured(findReferralCode(options?.query), findReferralSource(options?.query)))
}
