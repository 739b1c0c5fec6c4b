import { EntryGrid } from '@/components/entry-grid'
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
import type { AppConfig } from '@/contract'
import { useAppConfig } from '@/lib/app-config'
import { defineMessages, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'

// The profile page's one way in from here (its own words: the page's messages stay in its subpackage).
const profileEntryMessages = defineMessages({ 'zh-CN': { profile: '编辑资料' }, en: { profile: 'Edit profile' } })

export default function MePage() {
  const text = useMessages(settingsMessages)
  const entry = useMessages(profileEntryMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  // A part the operator switched off is not offered here (its pages say it is closed, for links still around).
  const on: Partial<AppConfig['features']> = useAppConfig()?.features ?? {}
  return (
    <PageShell title={text.title} testId='me-page'>
      <MemberSummary />
      {isSignedIn ? (
        <>
          <EntryGrid entries={[{ key: 'profile', label: entry.profile, url: routes.profile, glyph: '✎' }]} />
          {on.membershipPackages !== false && <PlanLine />}
          <MemberEntries />
          <MallEntries hasMall={on.mall !== false} />
          {on.community !== false && <CommunityEntries />}
          {on.distribution !== false && <DistributionEntries />}
          {on.distribution !== false && <RightsCard />}
        </>
      ) : null}
      <AccountSettings />
    </PageShell>
  )
}
