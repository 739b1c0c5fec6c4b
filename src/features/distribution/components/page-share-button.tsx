import { View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import { meQuery } from '@/features/account/api/account-queries'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { withReferral } from '../lib/share-link'
import { shareUrl } from '../lib/share-url'
import { ShareLinkButton } from './share-link-button'
import './page-share-button.scss'

type PageShareButtonProps = { path: string; query?: string; title: string }

/**
 * Share this page: on H5 its link (with the member's referral code when they have one) through the
 * browser's share sheet or the clipboard; on weapp WeChat's share button (the page's share hook
 * adds the code). Sharing itself pays nothing.
 */
export function PageShareButton({ path, query, title }: PageShareButtonProps) {
  const isSignedIn = useSession(selectIsSignedIn)
  const code = useQuery({ ...meQuery(), enabled: isSignedIn }).data?.referralCode ?? null
  const url = shareUrl(withReferral(query ? `${path}?${query}` : path, code))
  return (
    <View className='page-share-button'>
      <ShareLinkButton url={url} title={title} />
    </View>
  )
}
