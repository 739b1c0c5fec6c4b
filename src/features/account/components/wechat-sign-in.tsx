import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SignedIn } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { useSignInByWechat } from '../api/sign-in-queries'
import { signInMessages } from '../sign-in-messages'

async function getLoginCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}

/** Mini-program sign-in: Taro.login's code goes to /auth/wechat; the server exchanges it. */
export function WechatSignIn({ onSignedIn }: { onSignedIn: (answer: SignedIn) => void }) {
  const text = useMessages(signInMessages)
  const locale = useLocale((state) => state.locale)
  const signIn = useSignInByWechat(getLoginCode)
  return (
    <View className='sign-in-form'>
      {signIn.error ? (
        <View className='sign-in-form__error' role='alert'>
          {describeError(signIn.error, locale)}
        </View>
      ) : null}
      <ActionButton
        isBlock
        testId='wechat-sign-in'
        isBusy={signIn.isPending}
        onTap={() => signIn.mutate(undefined, { onSuccess: onSignedIn })}
      >
        {text.wechatSignIn}
      </ActionButton>
    </View>
  )
}
