import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { CheckinCalendar } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { checkinCalendarQuery } from '../api/membership-queries'
import { useCheckInTap } from '../lib/use-check-in-tap'
import { checkinMessages } from '../messages/checkin'
import { RewardLadder } from './reward-ladder'
import './checkin-card.scss'

/** The daily habit in one tap: today's reward, the streak, what the next days give. */
export function CheckinCard() {
  const isSignedIn = useSession(selectIsSignedIn)
  const calendar = useQuery({ ...checkinCalendarQuery(), enabled: isSignedIn })
  if (!isSignedIn) return null
  return (
    <QueryState query={calendar} skeleton={<Skeleton rows={1} testId='checkin-skeleton' />}>
      {(data) => <CheckinCardBody calendar={data} />}
    </QueryState>
  )
}

function CheckinCardBody({ calendar }: { calendar: CheckinCalendar }) {
  const text = useMessages(checkinMessages)
  const locale = useLocale((state) => state.locale)
  const [award, setAward] = useState<{ points: number; id: number } | null>(null)
  const nextReward = calendar.ladder[0]
  const checkIn = useCheckInTap((result) => {
    setAward({ points: result.pointsAwarded, id: Date.now() })
    Taro.vibrateShort?.({ type: 'light' })?.catch?.(() => undefined)
  })
  // A failure the server's own answer has since overtaken (the check-in landed after all) is no failure.
  const isFailed = checkIn.isFailed && !calendar.checkedInToday

  return (
    <View className='checkin-card' data-testid='checkin-card'>
      <View className='checkin-card__head'>
        <View className='checkin-card__status'>
          <Text className='checkin-card__title'>{calendar.checkedInToday ? text.checkedIn : text.checkIn}</Text>
          <Text className='checkin-card__streak' data-testid='checkin-streak'>
            {calendar.streak > 0 ? text.streak(calendar.streak) : text.noStreak}
          </Text>
        </View>
        <View
          className='checkin-card__link'
          role='link'
          tabIndex={0}
          hoverClass='checkin-card__link--pressed'
          onClick={() => void Taro.navigateTo({ url: routes.checkinCalendar })}
          data-testid='open-calendar'
        >
          <Text>{text.calendar} ›</Text>
        </View>
      </View>
      <RewardLadder ladder={calendar.ladder} />
      <View className='checkin-card__action'>
        {award ? (
          <Text key={award.id} className='checkin-card__award' data-testid='checkin-award'>
            {text.awarded(award.points)}
          </Text>
        ) : null}
        {calendar.checkedInToday ? (
          <Text className='checkin-card__done' data-testid='checkin-done'>
            ✓ {nextReward ? text.tomorrowGives(nextReward.points) : text.checkedIn}
          </Text>
        ) : (
          <ActionButton isBlock testId='checkin-button' isBusy={checkIn.isPending} onTap={checkIn.tap}>
            {isFailed ? text.retry : text.checkInFor(nextReward?.points ?? 0)}
          </ActionButton>
        )}
        {isFailed ? (
          <View className='checkin-card__error' role='alert' data-testid='checkin-error'>
            {(checkIn.isUnconfirmed ? text.unconfirmed : text.failed)(describeError(checkIn.error, locale))}
          </View>
        ) : null}
      </View>
    </View>
  )
}
