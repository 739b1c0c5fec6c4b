import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { ActionButton } from '@/components/action-button'
import { PhoneSignInForm } from '@/features/account/components/phone-sign-in-form'
import { ReferralCodeField } from '@/features/account/components/referral-code-field'
import { WechatSignIn } from '@/features/account/components/wechat-sign-in'
import { accountMessages } from '@/features/account/messages'
import { signInMessages } from '@/features/account/sign-in-messages'
import { useAppConfig } from '@/lib/app-config'
import { reportLaterReferrals } from '@/lib/later-referrals'
import { isWeapp } from '@/lib/env'
import { useMessages } from '@/lib/i18n'
import { returnAfterSignIn } from '@/lib/routes'
import { useReferral } from '@/stores/referral'
import { selectIsSignedIn, useSession } from '@/stores/session'
import './index.scss'

export default function SignInPage() {
  const text = useMessages(signInMessages)
  const account = useMessages(accountMessages)
  const config = useAppConfig()
  const { params } = useRouter()
  const returnTo = params.returnTo ? decodeURIComponent(params.returnTo) : undefined
  const referralCode = useReferral((state) => state.capturedCode)
  const laterCodes = useReferral((state) => state.laterCodes)
  const isSignedIn = useSession(selectIsSignedIn)
  const [isPhoneChosen, setIsPhoneChosen] = useState(!isWeapp)
  // The sign-in carried the first code and cleared the store; this render's laterCodes are still the ones to report.
  const onSignedIn = () => {
    if (laterCodes.length > 0) void reportLaterReferrals(laterCodes)
    returnAfterSignIn(returnTo)
  }

  // Someone already signed in who lands here (back button, old link) goes straight on.
  useEffect(() => {
    if (isSignedIn) returnAfterSignIn(returnTo)
    // Only on arrival: a sign-in on this page navigates in onSignedIn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <PageShell title={text.signInTitle} testId='sign-in-page'>
      <View className='sign-in__head'>
        <Text className='sign-in__brand'>{config?.brandName ?? ' '}</Text>
        <Text className='sign-in__subtitle'>{account.signInSubtitle}</Text>
      </View>
      {/* A code from a link or QR came first and is the one the sign-in carries (first touch): no field to replace it. */}
      {referralCode ? (
        <Text className='sign-in__referral' data-testid='referral-notice'>
          {text.referralNotice(referralCode)}
        </Text>
      ) : (
        <ReferralCodeField />
      )}
      {isPhoneChosen ? <PhoneSignInForm onSignedIn={onSignedIn} /> : <WechatSignIn onSignedIn={onSignedIn} />}
      {isWeapp && !isPhoneChosen ? (
        <View className='sign-in__alternative'>
          <ActionButton variant='text' onTap={() => setIsPhoneChosen(true)}>
            {text.orPhone}
          </ActionButton>
        </View>
      ) : null}
    </PageShell>
  )
}
