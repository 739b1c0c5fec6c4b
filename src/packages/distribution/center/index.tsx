import { PageShell } from '@/components/page-shell'
import { KolCenter } from '@/features/distribution/components/kol-center'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.centerTitle} testId='kol-center-page'>
      <KolCenter />
    </PageShell>
  )
}
