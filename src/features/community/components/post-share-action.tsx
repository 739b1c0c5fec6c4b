import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Post } from '@/contract'
import { shareUrl } from '@/features/distribution/lib/share-url'
import { useMessages } from '@/lib/i18n'
import { postSharePath, postShareTitle } from '../lib/post-share'
import { postMessages } from '../post-messages'

/**
 * H5: 分享 on the post page, the same way as the referral card's link: the browser's share sheet where it has one
 * (phones), else the link copied. The link is the post's page on the H5 origin, with its author's code for a 分享赚
 * post of a current distributor (lib/post-share). Taro's H5 share APIs are stubs, so this talks to the browser.
 */
export function PostShareAction({ post }: { post: Post }) {
  const text = useMessages(postMessages)
  const url = shareUrl(postSharePath(post))
  const copy = () =>
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: text.linkCopied, icon: 'none' }))
  const share = () => {
    if (typeof navigator.share !== 'function') return copy()
    navigator.share({ title: postShareTitle(post) || text.postTitle, url }).catch((error: unknown) => {
      // Closing the sheet is a choice, not a failure; anything else falls back to copying.
      if (!(error instanceof DOMException && error.name === 'AbortError')) copy()
    })
  }
  return (
    <View
      className='post-detail__action'
      hoverClass='post-detail__action--pressed'
      role='button'
      tabIndex={0}
      data-testid='post-share'
      onClick={share}
    >
      <Text>{text.share}</Text>
    </View>
  )
}
