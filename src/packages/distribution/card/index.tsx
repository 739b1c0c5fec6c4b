import { PageShell } from '@/components/page-shell'
import { ReferralCard } from '@/features/distribution/components/referral-card'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share'
import { cardMessages } from '@/features/distribution/messages'
import { useAppConfig } from '@/lib/app-config'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'

export default function ReferralCardPage() {
  const text = useMessages(cardMessages)
  const brandName = useAppConfig()?.brandName
  // A friend opening the shared card lands on home, where the code is captured and binds at sign-in.
  useReferralShare({ path: routes.home, title: brandName ? text.inviteLine(brandName) : undefined })
  return (
    <PageShell title={text.title} testId='referral-card-page'>
      <ReferralCard />
    </PageShell>
  )
}
