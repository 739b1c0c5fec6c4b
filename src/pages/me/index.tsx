import { PageShell } from '@/components/page-shell'
import { AccountSettings } from '@/features/account/components/account-settings'
import { MemberSummary } from '@/features/account/components/member-summary'
import { settingsMessages } from '@/features/account/messages'
import { useMessages } from '@/lib/i18n'

export default function MePage() {
  const text = useMessages(settingsMessages)
  return (
    <PageShell title={text.title} testId='me-page'>
      <MemberSummary />
      <AccountSettings />
    </PageShell>
  )
}
