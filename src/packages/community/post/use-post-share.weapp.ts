import { useEffect, useRef } from 'react'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Post } from '@/contract'
import { postSharePath, postShareQuery, postShareTitle } from '@/features/community/lib/post-share'
import { routes } from '@/lib/routes'

const SHARE_MENUS = ['shareAppMessage', 'shareTimeline']

/**
 * What the post page shares to a chat (the menu or the page's 分享 button) and to Moments: the post, with its author's
 * referral code when it is a 分享赚 post of a current distributor (the server answers `authorReferralCode` only then),
 * so a friend arriving through it binds to the author. The page config
 * sets `enableShareAppMessage` / `enableShareTimeline`. Sharing itself pays nothing: no request is made here.
 * Only a loaded, published post is shared. One only its author can open (审核中, 未通过, 已隐藏), one deleted or not
 * found, and one not loaded yet (it may turn out to be either) would lead friends to a 404 or name a post that is
 * not there: the share menu is hidden, and should WeChat ask anyway, the share is the community tab, with no code.
 */
export function usePostShare(postId: string, post: Post | undefined): void {
  const isShareable = post !== undefined && post.id === postId && post.status === 'published'
  const isMenuHidden = useRef(false)
  useEffect(() => {
    // Shown again only when this page hid it (a post that got published while open): other pages keep their own.
    if (isShareable && isMenuHidden.current) {
      isMenuHidden.current = false
      const options: Record<string, unknown> = { withShareTicket: false, menus: SHARE_MENUS }
      void Taro.showShareMenu(options).catch(() => undefined)
    } else if (!isShareable) {
      isMenuHidden.current = true
      void Taro.hideShareMenu({ menus: SHARE_MENUS }).catch(() => undefined)
    }
  }, [isShareable])
  const title = post ? postShareTitle(post) : ''
  useShareAppMessage(() =>
    isShareable ? { ...(title ? { title } : {}), path: postSharePath(post) } : { path: routes.community },
  )
  useShareTimeline(() => (isShareable ? { ...(title ? { title } : {}), query: postShareQuery(post) } : { query: '' }))
}
