import { PageShell } from '@/components/page-shell'
import { RedemptionList } from '@/features/mall/components/redemption-list'
import { redemptionMessages } from '@/features/mall/redemption-messages'
import { useMessages } from '@/lib/i18n'

export default function RedemptionsPage() {
  const text = useMessages(redemptionMessages)
  return (
    <PageShell title={text.listTitle} testId='redemptions-page'>
      <RedemptionList />
    </PageShell>
  )
}
