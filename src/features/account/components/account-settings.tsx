import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { commonMessages, LOCALES, useLocale, useMessages, type Locale } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { useSignOut } from '../api/account-queries'
import { settingsMessages } from '../messages'
import './account-settings.scss'

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' }

export function AccountSettings() {
  const text = useMessages(settingsMessages)
  const common = useMessages(commonMessages)
  const { locale, localeChosen } = useLocale()
  const isSignedIn = useSession(selectIsSignedIn)
  const signOut = useSignOut()
  return (
    <View className='account-settings'>
      <View className='account-settings__row'>
        <Text>{text.language}</Text>
        <View className='account-settings__choices' role='radiogroup'>
          {LOCALES.map((item) => (
            <View
              key={item}
              role='radio'
              tabIndex={0}
              aria-checked={item === locale}
              data-testid={`locale-${item}`}
              className={`account-settings__choice ${item === locale ? 'account-settings__choice--active' : ''}`}
              hoverClass='account-settings__choice--pressed'
              onClick={() => localeChosen(item)}
            >
              <Text>{LOCALE_NAMES[item]}</Text>
            </View>
          ))}
        </View>
      </View>
      {isSignedIn ? (
        <View className='account-settings__sign-out'>
          <ActionButton
            variant='secondary'
            isBlock
            testId='sign-out'
            isBusy={signOut.isPending}
            onTap={() => signOut.mutate()}
          >
            {common.signOut}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
