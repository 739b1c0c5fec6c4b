import { useQuery } from '@tanstack/react-query'
import { PageShell } from '@/components/page-shell'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { levelsQuery } from '@/features/membership/api/membership-queries'
import { MonthlyCouponCard } from '@/features/coupons/components/monthly-coupon-card'
import { BirthdayGiftCard } from '@/features/membership/components/birthday-gift-card'
import { LevelOverview } from '@/features/membership/components/level-overview'
import { LevelUpCelebration } from '@/features/membership/components/level-up-celebration'
import { levelMessages } from '@/features/membership/messages/levels'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function LevelsPage() {
  const text = useMessages(levelMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const overview = useQuery({ ...levelsQuery(), enabled: isSignedIn })
  return (
    <PageShell title={text.title} testId='levels-page'>
      {isSignedIn ? (
        <>
          <QueryState query={overview} skeleton={<Skeleton rows={4} testId='levels-skeleton' />}>
            {(data) => (
              <LevelOverview overview={data}>
                <MonthlyCouponCard />
                <BirthdayGiftCard />
              </LevelOverview>
            )}
          </QueryState>
          <LevelUpCelebration />
        </>
      ) : (
        <SignInPrompt />
      )}
    </PageShell>
  )
}
