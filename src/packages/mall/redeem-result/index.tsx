import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { RedeemResult } from '@/features/mall/components/redeem-result'
import { giftMessages } from '@/features/mall/gift-messages'
import { useMessages } from '@/lib/i18n'

export default function RedeemResultPage() {
  const text = useMessages(giftMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.resultTitle} testId='redeem-result-page'>
      <RedeemResult redemptionId={params.id ?? ''} />
    </PageShell>
  )
}
