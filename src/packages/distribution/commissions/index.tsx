import { PageShell } from '@/components/page-shell'
import { CommissionList } from '@/features/distribution/components/commission-list'
import { RightEndedNote, RightGate } from '@/features/distribution/components/right-ended-note'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.commissionsTitle} testId='commissions-page'>
      <RightEndedNote link='withdrawals' />
      <RightGate needs='earnings'>
        <CommissionList />
      </RightGate>
    </PageShell>
  )
}
