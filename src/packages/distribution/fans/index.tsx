import { PageShell } from '@/components/page-shell'
import { FanList } from '@/features/distribution/components/fan-list'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.fansTitle} testId='fans-page'>
      <FanList />
    </PageShell>
  )
}
