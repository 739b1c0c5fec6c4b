import { useRouter } from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { PageShell } from '@/components/page-shell'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share'
import { giftQuery } from '@/features/mall/api/mall-queries'
import { GiftDetailView } from '@/features/mall/components/gift-detail-view'
import { giftMessages } from '@/features/mall/gift-messages'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'

export default function GiftPage() {
  const text = useMessages(giftMessages)
  const { params } = useRouter()
  const giftId = params.id ?? ''
  // The same query the detail view runs: the gift's name titles the share without another request.
  const giftName = useQuery({ ...giftQuery(giftId), enabled: giftId !== '' }).data?.name
  useReferralShare({ path: routes.gift, query: `id=${encodeURIComponent(giftId)}`, title: giftName })
  return (
    <PageShell title={text.title} testId='gift-page'>
      <GiftDetailView giftId={giftId} />
    </PageShell>
  )
}
