import { PageShell } from '@/components/page-shell'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { CouponWallet } from '@/features/coupons/components/coupon-wallet'
import { MonthlyCouponCard } from '@/features/coupons/components/monthly-coupon-card'
import { couponMessages } from '@/features/coupons/messages'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function CouponsPage() {
  const text = useMessages(couponMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <PageShell title={text.walletTitle} testId='coupons-page'>
      {isSignedIn ? (
        <>
          <MonthlyCouponCard hasWalletLink={false} />
          <CouponWallet />
        </>
      ) : (
        <SignInPrompt />
      )}
    </PageShell>
  )
}
