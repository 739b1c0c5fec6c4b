import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { goToSignIn } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { feedMessages } from '../feed-messages'
import './compose-entry.scss'

/**
 * The composer (the community subpackage's compose page). Named here rather than in routes.ts, which the first
 * screen carries byte for byte on H5 and which nothing else needs this path from.
 */
const COMPOSE_PAGE = '/packages/community/compose/index'

/** The floating "发笔记" button: the composer for a member, sign-in first (then the composer) for a visitor. */
export function ComposeEntry() {
  const text = useMessages(feedMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <View
      className='compose-entry'
      hoverClass='compose-entry--pressed'
      role='button'
      tabIndex={0}
      data-testid='compose-entry'
      onClick={() => (isSignedIn ? void Taro.navigateTo({ url: COMPOSE_PAGE }) : goToSignIn(COMPOSE_PAGE))}
    >
      <Text className='compose-entry__plus' aria-hidden>
        +
      </Text>
      <Text>{text.compose}</Text>
    </View>
  )
}
