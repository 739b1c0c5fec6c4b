import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { challengeCardMessages } from '../challenge-card-messages'
import { currentChallenge, eventsQuery } from '../api/event-queries'
import { communityRoutes } from '../lib/community-routes'
import './challenge-pinned.scss'

/**
 * The pinned announcement of this week's check-in challenge, for the top of the feed: title, dates, how many
 * joined and, for a member who joined, their days so far. A tap opens the challenge page. Renders nothing when
 * there is no challenge (the feed stays the feed). While loading it holds the card's place with an empty card of
 * the same lines: appearing from nothing, it pushed the topics and the feed down by its height (a layout shift of
 * 0.06 on the feed in Lighthouse, above the 0.05 goal).
 */
export function ChallengePinned() {
  const text = useMessages(challengeCardMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const events = useQuery(eventsQuery(isSignedIn))
  const event = events.data ? currentChallenge(events.data.items) : null
  if (events.isPending) return <ChallengePinnedPlaceholder />
  if (!event) return null
  const me = event.me
  return (
    <View
      className='challenge-pinned'
      hoverClass='challenge-pinned--pressed'
      role='link'
      tabIndex={0}
      data-testid='challenge-pinned'
      onClick={() => void Taro.navigateTo({ url: `${communityRoutes.challenge}?id=${encodeURIComponent(event.id)}` })}
    >
      <View className='challenge-pinned__top'>
        <Text className='challenge-pinned__tag'>{text.pinned}</Text>
        <Text className='challenge-pinned__title'>{event.title}</Text>
        <Text className='challenge-pinned__status'>{text.status[event.status]}</Text>
      </View>
      <Text className='challenge-pinned__meta'>
        {text.period(event.startsOn, event.endsOn)} · {text.joined(event.joinedCount)}
      </Text>
      {me?.joined ? (
        <View className='challenge-pinned__days' aria-label={text.progress(me.checkedDays, me.totalDays)}>
          {me.days.map((day) => (
            <View key={day.date} className={`challenge-dot challenge-dot--${day.state}`} aria-hidden='true' />
          ))}
          <Text className='challenge-pinned__progress'>{text.progress(me.checkedDays, me.totalDays)}</Text>
        </View>
      ) : (
        <Text className='challenge-pinned__cta'>
          {text.badge(event.badgeName)} · {event.status === 'ended' ? text.status.ended : text.join} ›
        </Text>
      )}
    </View>
  )
}

/** Same box and line heights as the card (tag, meta, call-to-action lines), with nothing to read or tap. */
function ChallengePinnedPlaceholder() {
  return (
    <View className='challenge-pinned challenge-pinned--placeholder' data-testid='challenge-skeleton' aria-hidden='true'>
      <View className='challenge-pinned__top'>
        <Text className='challenge-pinned__title'>{'\u00a0'}</Text>
      </View>
      <Text className='challenge-pinned__meta'>{'\u00a0'}</Text>
      <Text className='challenge-pinned__cta'>{'\u00a0'}</Text>
    </View>
  )
}
