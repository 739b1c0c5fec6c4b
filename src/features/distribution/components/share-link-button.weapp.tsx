import { Button } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { cardMessages } from '../messages'
import '@/components/action-button.scss'

type ShareLinkButtonProps = { url: string; title: string; variant?: 'primary' | 'secondary' }

/**
 * weapp: WeChat's own share button; the page's useShareAppMessage answers the payload (with the
 * referral code), so `url` and `title` are the H5 version's concern.
 */
export function ShareLinkButton({ variant = 'secondary' }: ShareLinkButtonProps) {
  const text = useMessages(cardMessages)
  return (
    <Button
      openType='share'
      className={`action-button action-button--${variant} share-link-button`}
      data-testid='share-link'
    >
      {text.shareToFriend}
    </Button>
  )
}
