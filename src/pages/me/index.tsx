import { PageShell } from '@/components/page-shell'
import { AccountSettings } from '@/features/account/components/account-settings'
import { MemberSummary } from '@/features/account/components/member-summary'
import { settingsMessages } from '@/features/account/messages'
import { CommunityEntries } from '@/features/community/components/community-entries'
import { DistributionEntries } from '@/features/distribution/components/distribution-entries'
import { PlanLine } from '@/features/distribution/components/plan-line'
import { RightsCard } from '@/features/distribution/components/rights-card'
import { MallEntries } from '@/features/mall/components/mall-entries'
import { MemberEntries } from '@/features/membership/components/member-entries'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function MePage() {
  const text = useMessages(settingsMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <PageShell title={text.title} testId='me-page'>
      <MemberSummary />
      {isSignedIn ? (
        <>
          <PlanLine />
          <MemberEntries />
          <MallEntries />
          <CommunityEntries />
          <DistributionEntries />
          <RightsCard />
        </>
      ) : null}
      <AccountSettings />
    </PageShell>
  )
}
