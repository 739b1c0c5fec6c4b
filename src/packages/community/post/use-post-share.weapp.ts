import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Post } from '@/contract'
import { postSharePath, postShareQuery, postShareTitle } from '@/features/community/lib/post-share'

/**
 * What the post page shares to a chat (the menu or the page's 分享 button) and to Moments: the post, with its author's
 * referral code when it is a 分享赚 post of a current distributor (the server answers `authorReferralCode` only then),
 * so a friend arriving through it binds to the author. Before the post has loaded, the post alone. The page config
 * sets `enableShareAppMessage` / `enableShareTimeline`. Sharing itself pays nothing: no request is made here.
 */
export function usePostShare(postId: string, post: Post | undefined): void {
  const shared = post ?? { id: postId, text: '', authorReferralCode: null }
  const title = postShareTitle(shared)
  useShareAppMessage(() => ({ ...(title ? { title } : {}), path: postSharePath(shared) }))
  useShareTimeline(() => ({ ...(title ? { title } : {}), query: postShareQuery(shared) }))
}
