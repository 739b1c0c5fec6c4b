import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { CheckinCalendar } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatShortDate } from '@/lib/format'
import { createIdempotencyKey, isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { useMakeUpCheckin } from '../api/calendar-queries'
import { checkinCalendarQuery } from '../api/membership-queries'
import { useCheckInTap } from '../lib/use-check-in-tap'
import { monthGrid, shiftMonth } from '../lib/month-grid'
import { calendarMessages } from '../messages/calendar'
import { checkinMessages } from '../messages/checkin'
import { RewardLadder } from './reward-ladder'
import './checkin-calendar-view.scss'

/** A month of check-ins: checked and made-up days, today, the streak, and make-ups of missed days. */
export function CheckinCalendarView() {
  const [month, setMonth] = useState<string | undefined>(undefined)
  const calendar = useQuery(checkinCalendarQuery(month))
  return (
    <QueryState query={calendar} skeleton={<Skeleton rows={4} />}>
      {(data) => <MonthView calendar={data} onMonthChosen={setMonth} />}
    </QueryState>
  )
}

function MonthView({ calendar, onMonthChosen }: { calendar: CheckinCalendar; onMonthChosen: (month: string) => void }) {
  const text = { ...useMessages(checkinMessages), ...useMessages(calendarMessages) }
  const locale = useLocale((state) => state.locale)
  const makeUp = useMakeUpCheckin()
  const intent = useRef<{ date: string; key: string } | null>(null)
  const [year, monthNumber] = calendar.month.split('-').map(Number)
  const isCurrentMonth = calendar.month === calendar.today.slice(0, 7)

  const refuse = (message: string) => void Taro.showToast({ title: message, icon: 'none', duration: 2500 })

  const onDayTapped = async (date: string) => {
    if (!calendar.missedDates.includes(date)) return
    // Only this month's days can be made up: a missed day of an earlier month is never offered (and charged for).
    if (!isCurrentMonth) return refuse(text.makeupRefusals.not_this_month ?? '')
    if (calendar.makeupsLeft === 0) return refuse(text.makeupRefusals.no_makeups_left ?? '')
    // A make-up restores the streak across its own gap only: with another missed day between it and today, the
    // streak stays broken, and the member is told before paying for it.
    const alsoMissed = calendar.missedDates.find((day) => day > date)
    const { confirm } = await Taro.showModal({
      title: text.makeupTitle,
      content: alsoMissed
        ? text.makeupConfirmGap(
            formatShortDate(date),
            calendar.makeupCostPoints,
            calendar.makeupsLeft,
            formatShortDate(alsoMissed),
          )
        : text.makeupConfirm(formatShortDate(date), calendar.makeupCostPoints, calendar.makeupsLeft),
    })
    if (!confirm) return
    // A retry of the same day reuses its key; another day is another intent.
    if (intent.current?.date !== date) intent.current = { date, key: createIdempotencyKey() }
    makeUp.mutate(
      { date, idempotencyKey: intent.current.key },
      {
        onSuccess: ({ pointsRestored = 0 }) => {
          intent.current = null
          // A success icon cuts its title short on WeChat: the points paid back need the plain toast.
          void Taro.showToast(
            pointsRestored > 0
              ? { title: text.makeupRestored(formatShortDate(date), pointsRestored), icon: 'none', duration: 2500 }
              : { title: text.makeupDone(formatShortDate(date)), icon: 'success' },
          )
        },
        onError: (error) => {
          const reason = isApiError(error) ? String(error.details.reason ?? '') : ''
          if (isApiError(error) && !error.isTransient) intent.current = null
          refuse(text.makeupRefusals[reason] ?? describeError(error, locale))
        },
      },
    )
  }

  return (
    <View className='checkin-calendar' data-testid='checkin-calendar'>
      <View className='checkin-calendar__summary'>
        <Text className='checkin-calendar__streak' data-testid='calendar-streak'>
          {calendar.streak > 0 ? text.streak(calendar.streak) : text.noStreak}
        </Text>
        <Text className='checkin-calendar__makeups' data-testid='makeups-left'>
          {text.makeupsLeft(calendar.makeupsLeft)}
        </Text>
      </View>
      {calendar.checkedInToday ? null : <TodayCheckIn points={calendar.ladder[0]?.points ?? 0} />}
      <View className='checkin-calendar__nav'>
        <View
          className='checkin-calendar__nav-button'
          hoverClass='checkin-calendar__nav-button--pressed'
          onClick={() => onMonthChosen(shiftMonth(calendar.month, -1))}
        >
          <Text>‹ {text.previousMonth}</Text>
        </View>
        <Text className='checkin-calendar__month' data-testid='calendar-month'>
          {text.monthTitle(year ?? 0, monthNumber ?? 0)}
        </Text>
        <View
          className={`checkin-calendar__nav-button ${isCurrentMonth ? 'checkin-calendar__nav-button--hidden' : ''}`}
          hoverClass='checkin-calendar__nav-button--pressed'
          onClick={() => !isCurrentMonth && onMonthChosen(shiftMonth(calendar.month, 1))}
        >
          <Text>{text.nextMonth} ›</Text>
        </View>
      </View>
      <View className='checkin-calendar__grid'>
        {text.weekdays.map((weekday) => (
          <Text key={weekday} className='checkin-calendar__weekday'>
            {weekday}
          </Text>
        ))}
        {monthGrid(calendar.month).map((cell, index) => {
          if (!cell) return <View key={`pad-${index}`} />
          const isChecked = calendar.checkedDates.includes(cell.date)
          const isMadeUp = calendar.madeUpDates.includes(cell.date)
          const isToday = cell.date === calendar.today
          const isMissed = calendar.missedDates.includes(cell.date)
          const isFuture = cell.date > calendar.today
          const state = isMadeUp
            ? 'made-up'
            : isChecked
              ? 'checked'
              : isMissed
                ? 'missed'
                : isFuture
                  ? 'future'
                  : 'plain'
          return (
            <View
              key={cell.date}
              className={`checkin-calendar__day checkin-calendar__day--${state} ${isToday ? 'checkin-calendar__day--today' : ''}`}
              hoverClass={isMissed ? 'checkin-calendar__day--pressed' : 'none'}
              data-testid={`day-${cell.date}`}
              data-state={state}
              onClick={() => void onDayTapped(cell.date)}
            >
              <Text>{isToday ? text.today : cell.dayOfMonth}</Text>
            </View>
          )
        })}
      </View>
      {isCurrentMonth ? <Text className='checkin-calendar__hint'>{text.makeupHint}</Text> : null}
      <Text className='section-title'>{text.rewardsAhead}</Text>
      <RewardLadder ladder={calendar.ladder} />
    </View>
  )
}

/**
 * Today's check-in, on the calendar too: a member who opens the calendar (from 我的) before checking in is not sent
 * back to the home page to do it.
 */
function TodayCheckIn({ points }: { points: number }) {
  const text = { ...useMessages(checkinMessages), ...useMessages(calendarMessages) }
  const locale = useLocale((state) => state.locale)
  const checkIn = useCheckInTap(
    (result) => void Taro.showToast({ title: text.checkedInNow(result.pointsAwarded), icon: 'none', duration: 2500 }),
  )
  return (
    <View className='checkin-calendar__today'>
      <ActionButton isBlock testId='calendar-checkin' isBusy={checkIn.isPending} onTap={checkIn.tap}>
        {checkIn.isFailed ? text.retry : text.checkInFor(points)}
      </ActionButton>
      {checkIn.isFailed ? (
        <View className='checkin-calendar__error' role='alert' data-testid='calendar-checkin-error'>
          {(checkIn.isUnconfirmed ? text.unconfirmed : text.failed)(describeError(checkIn.error, locale))}
        </View>
      ) : null}
    </View>
  )
}
