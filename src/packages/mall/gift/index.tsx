import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { GiftDetailView } from '@/features/mall/components/gift-detail-view'
import { giftMessages } from '@/features/mall/gift-messages'
import { useMessages } from '@/lib/i18n'

export default function GiftPage() {
  const text = useMessages(giftMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.title} testId='gift-page'>
      <GiftDetailView giftId={params.id ?? ''} />
    </PageShell>
  )
}
