import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/page-state'
import { RedemptionDetail } from '@/features/mall/components/redemption-detail'
import { redemptionMessages } from '@/features/mall/redemption-messages'
import { commonMessages, useMessages } from '@/lib/i18n'

export default function RedemptionPage() {
  const text = useMessages(redemptionMessages)
  const common = useMessages(commonMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.detailTitle} testId='redemption-page'>
      {params.id ? <RedemptionDetail redemptionId={params.id} /> : <EmptyState title={common.notFound} />}
    </PageShell>
  )
}
