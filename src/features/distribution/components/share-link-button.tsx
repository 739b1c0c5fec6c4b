import Taro from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'
import { useMessages } from '@/lib/i18n'
import { cardMessages } from '../messages'

type ShareLinkButtonProps = { url: string; title: string; variant?: 'primary' | 'secondary' }

/**
 * H5: the browser's share sheet for the link where it has one (phones), else the link copied.
 * Taro's H5 share APIs are stubs, so this talks to the browser directly.
 */
export function ShareLinkButton({ url, title, variant = 'secondary' }: ShareLinkButtonProps) {
  const text = useMessages(cardMessages)
  const copy = () =>
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: text.linkCopied, icon: 'none' }))
  const share = () => {
    if (typeof navigator.share !== 'function') {
      copy()
      return
    }
    navigator.share({ title, url }).catch((error: unknown) => {
      // Closing the sheet is a choice, not a failure; anything else falls back to copying.
      if (!(error instanceof DOMException && error.name === 'AbortError')) copy()
    })
  }
  return (
    <ActionButton variant={variant} testId='share-link' onTap={share}>
      {text.shareLink}
    </ActionButton>
  )
}
