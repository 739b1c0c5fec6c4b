import { PageShell } from '@/components/page-shell'
import { PlanList } from '@/features/distribution/components/plan-list'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.plansTitle} testId='plans-page'>
      <PlanList />
    </PageShell>
  )
}
