import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { commonMessages, useMessages } from '@/lib/i18n'
import { goToSignIn } from '@/lib/routes'
import { isSinglePageMode } from '@/lib/single-page'
import { accountMessages } from '../messages'
import './member-card.scss'

/** What a visitor sees where a member sees their card. */
export function SignInPrompt() {
  const text = useMessages(accountMessages)
  const common = useMessages(commonMessages)
  return (
    <View className='member-card' data-testid='sign-in-prompt'>
      <Text className='member-card__name'>{text.signInSubtitle}</Text>
      {/* From Moments nobody can sign in: the page's banner says how to open the full app. */}
      {isSinglePageMode() ? null : (
        <View className='member-card__action'>
          <ActionButton variant='secondary' testId='go-sign-in' onTap={() => goToSignIn()}>
            {common.signIn}
          </ActionButton>
        </View>
      )}
    </View>
  )
}
