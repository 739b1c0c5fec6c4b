import { PageShell } from '@/components/page-shell'
import { ReferralCard } from '@/features/distribution/components/referral-card'
import { cardShareTarget } from '@/features/distribution/lib/card-share'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share'
import { cardMessages } from '@/features/distribution/messages'
import { useAppConfig } from '@/lib/app-config'
import { useMessages } from '@/lib/i18n'

export default function ReferralCardPage() {
  const text = useMessages(cardMessages)
  const brandName = useAppConfig()?.brandName
  // A friend opening the shared card lands on home, where the code is captured (as the card's) and binds at sign-in.
  useReferralShare(cardShareTarget(brandName ? text.inviteLine(brandName) : undefined))
  return (
    <PageShell title={text.title} testId='referral-card-page'>
      <ReferralCard />
    </PageShell>
  )
}
