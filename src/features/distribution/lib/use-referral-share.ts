import type { ShareTarget } from './share-target'

/**
 * H5: Taro's share hooks are stubs there, so this is empty and keeps the home page's first screen
 * light; the card page's share button shares the link itself. weapp: use-referral-share.weapp.ts.
 */
export function useReferralShare(_target: ShareTarget): void {}
