import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import type { ChallengeEvent } from '@/contract/challenge'
import { ActionButton } from '@/components/action-button'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { createIdempotencyKey } from '@/lib/http'
import { useMessages } from '@/lib/i18n'
import { goToSignIn, routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { challengeMessages } from '../challenge-messages'
import { useJoinEvent } from '../api/challenge-queries'
import { currentChallenge, eventsQuery } from '../api/event-queries'
import { communityRoutes } from '../lib/community-routes'
import './challenge-pinned.scss'
import './challenge.scss'

function DayGrid({ event }: { event: ChallengeEvent }) {
  const text = useMessages(challengeMessages)
  const days = event.me?.days ?? []
  return (
    <View className='challenge-days' data-testid='challenge-days'>
      {days.map((day, index) => (
        <View
          key={day.date}
          className={`challenge-day challenge-day--${day.state}`}
          data-testid='challenge-day'
          data-state={day.state}
          aria-label={`${day.date} ${text.dayStates[day.state]}`}
        >
          <Text className='challenge-day__weekday' aria-hidden='true'>
            {text.weekdays[index] ?? ''}
          </Text>
          <Text className='challenge-day__date' aria-hidden='true'>
            {day.date.slice(5)}
          </Text>
          <Text className='challenge-day__state' aria-hidden='true'>
            {day.state === 'checked' ? '✓' : text.dayStates[day.state]}
          </Text>
        </View>
      ))}
    </View>
  )
}

function ChallengeBody({ event }: { event: ChallengeEvent }) {
  const text = useMessages(challengeMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const join = useJoinEvent()
  const me = event.me
  const hasMissed = me?.days.some((day) => day.state === 'missed') ?? false
  return (
    <View className='challenge' data-testid='challenge' data-event-id={event.id}>
      <View className='challenge__card'>
        <View className='challenge-pinned__top'>
          <Text className='challenge-pinned__tag'>{text.pinned}</Text>
          <Text className='challenge__title'>{event.title}</Text>
          <Text className='challenge-pinned__status' data-testid='challenge-status'>
            {text.status[event.status]}
          </Text>
        </View>
        <Text className='challenge__meta'>{text.period(event.startsOn, event.endsOn)}</Text>
        <Text className='challenge__meta'>{text.badge(event.badgeName)}</Text>
        <Text className='challenge__joined' data-testid='challenge-joined-count'>
          {text.joined(event.joinedCount)}
        </Text>
      </View>

      {me?.joined ? (
        <View className='challenge__card'>
          <Text className='challenge__progress' data-testid='challenge-progress'>
            {text.progress(me.checkedDays, me.totalDays)}
          </Text>
          <DayGrid event={event} />
          {me.certificateCode ? (
            <View className='challenge__done'>
              <Text className='challenge__complete'>{text.complete}</Text>
              <ActionButton
                testId='challenge-view-certificate'
                onTap={() =>
                  void Taro.navigateTo({
                    url: `${communityRoutes.certificate}?code=${encodeURIComponent(me.certificateCode ?? '')}`,
                  })
                }
              >
                {text.viewCertificate}
              </ActionButton>
            </View>
          ) : hasMissed ? (
            <Text className='challenge__hint'>{text.missedHint}</Text>
          ) : event.status === 'running' ? (
            <ActionButton variant='secondary' testId='challenge-go-checkin' onTap={() => void Taro.switchTab({ url: routes.home })}>
              {text.goCheckIn}
            </ActionButton>
          ) : null}
        </View>
      ) : event.status !== 'ended' ? (
        <View className='challenge__card'>
          <Text className='challenge__hint'>{isSignedIn ? text.notJoinedHint : text.signInToJoin}</Text>
          <ActionButton
            isBlock
            isBusy={join.isPending}
            testId='challenge-join'
            onTap={() => {
              // A visitor signs in and comes back to this page to join.
              if (!isSignedIn) return goToSignIn()
              join.mutate({ eventId: event.id, idempotencyKey: createIdempotencyKey() })
            }}
          >
            {text.join}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

/** The challenge page: join, progress day by day, how many joined, and the certificate once complete. */
export function ChallengeView({ eventId }: { eventId?: string }) {
  const text = useMessages(challengeMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const events = useQuery(eventsQuery(isSignedIn))
  return (
    <QueryState
      query={events}
      skeleton={<Skeleton rows={4} />}
      isEmpty={(data) => data.items.length === 0}
      empty={<EmptyState title={text.none} />}
    >
      {(data) => {
        const event = data.items.find((item) => item.id === eventId) ?? currentChallenge(data.items)
        return event ? <ChallengeBody event={event} /> : <EmptyState title={text.none} />
      }}
    </QueryState>
  )
}
