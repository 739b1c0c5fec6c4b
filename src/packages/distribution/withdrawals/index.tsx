import { PageShell } from '@/components/page-shell'
import { WithdrawalPanel } from '@/features/distribution/components/withdrawal-panel'
import { RightEndedNote, RightGate } from '@/features/distribution/components/right-ended-note'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.withdrawalsTitle} testId='withdrawals-page'>
      <RightEndedNote link='commissions' />
      <RightGate needs='earnings'>
        <WithdrawalPanel />
      </RightGate>
    </PageShell>
  )
}
