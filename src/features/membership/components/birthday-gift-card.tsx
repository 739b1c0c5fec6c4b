import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { BirthdayGift, LevelCode, LevelDefinition } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { meQuery } from '@/features/account/api/account-queries'
import { useAppConfig } from '@/lib/app-config'
import { formatPoints } from '@/lib/format'
import { createIdempotencyKey, isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { BirthdayDatePicker } from './birthday-date-picker'
import { birthdayGiftQuery, useClaimBirthdayGift, useSetBirthday } from '../api/birthday-queries'
import { checkinCalendarQuery } from '../api/membership-queries'
import { birthdayMessages } from '../messages/birthday'
import './benefit-card.scss'

const EARLIEST_BIRTHDAY = '1900-01-01'
// Where WeChat's date wheel opens: most members were born decades ago, and starting at today would
// mean scrolling back through every year. A browser's date picker opens at today (see BirthdayDatePicker).
const PICKER_OPENS_AT = '1995-01-01'

/** The yearly birthday gift: set the birthday once, then claim the gift once in that month. */
export function BirthdayGiftCard() {
  const isSignedIn = useSession(selectIsSignedIn)
  const gift = useQuery({ ...birthdayGiftQuery(), enabled: isSignedIn })
  if (!isSignedIn) return null
  return (
    <QueryState query={gift} skeleton={<Skeleton rows={1} testId='birthday-skeleton' />}>
      {(data) => <BirthdayGiftBody gift={data} />}
    </QueryState>
  )
}

function BirthdayGiftBody({ gift }: { gift: BirthdayGift }) {
  const text = useMessages(birthdayMessages)
  const me = useQuery(meQuery())
  // Just set: the member already has it while the gift status is being refetched.
  const birthday = gift.birthday ?? me.data?.birthday ?? null
  return (
    <View className='benefit-card' data-testid='birthday-gift-card' data-status={gift.status}>
      <View className='benefit-card__head'>
        <Text className='benefit-card__title'>{text.title}</Text>
        {birthday ? (
          <Text className='benefit-card__date' data-testid='birthday-date'>
            {text.birthdayIs(birthday)}
          </Text>
        ) : null}
      </View>
      <GiftStatus gift={gift} birthday={birthday} levelCode={me.data?.levelCode} />
      {birthday === null ? <SetBirthday points={gift.points} /> : null}
    </View>
  )
}

type GiftStatusProps = { gift: BirthdayGift; birthday: string | null; levelCode: LevelCode | undefined }

function GiftStatus({ gift, birthday, levelCode }: GiftStatusProps) {
  const text = useMessages(birthdayMessages)
  const levels = [...(useAppConfig()?.levels ?? [])].sort((a, b) => a.minGrowth - b.minGrowth)
  const givesGift = (level: LevelDefinition) => level.benefits.some((benefit) => benefit.code === 'birthday_gift')
  const unlocking = levels.find(givesGift)
  const unlockHint = (
    <Text className='benefit-card__status' data-testid='birthday-status'>
      {unlocking ? text.unlockAt(`${unlocking.code} ${unlocking.name}`) : text.notAvailable}
    </Text>
  )
  switch (gift.status) {
    case 'no_birthday': {
      // Setting the birthday comes first, but a member below the gift's level should know it waits for them.
      const current = levels.find((level) => level.code === levelCode)
      return current && !givesGift(current) ? unlockHint : null
    }
    case 'available':
      return <ClaimGift points={gift.points} />
    case 'claimed':
      return (
        <Text className='benefit-card__status' data-testid='birthday-status'>
          ✓ {text.claimed}
        </Text>
      )
    case 'not_this_month': {
      const month = birthday ? text.months[Number(birthday.slice(5, 7)) - 1] : undefined
      return (
        <Text className='benefit-card__status' data-testid='birthday-status'>
          {text.notThisMonth(month ?? '')}
        </Text>
      )
    }
    case 'not_eligible':
      return unlockHint
  }
}

function SetBirthday({ points }: { points: number }) {
  const text = useMessages(birthdayMessages)
  const locale = useLocale((state) => state.locale)
  // The server's today, so the device's clock cannot offer a date the server refuses.
  const calendar = useQuery(checkinCalendarQuery())
  const setBirthday = useSetBirthday()

  const onPicked = async (date: string) => {
    const answer = await Taro.showModal({
      title: text.confirmTitle,
      content: text.confirmContent(date),
      confirmText: text.confirm,
      cancelText: text.cancel,
    }).catch(() => null)
    if (!answer?.confirm) return
    setBirthday.mutate(date, {
      onSuccess: () => void Taro.showToast({ title: text.birthdaySaved, icon: 'none' }),
    })
  }

  return (
    <View className='benefit-card__body'>
      <Text className='benefit-card__hint'>
        {points > 0 ? text.setBirthdayHint(formatPoints(points)) : text.setBirthdayHintPlain}
      </Text>
      {setBirthday.error ? (
        <View className='benefit-card__error' role='alert' data-testid='birthday-error'>
          {describeError(setBirthday.error, locale)}
        </View>
      ) : null}
      <BirthdayDatePicker
        opensAt={PICKER_OPENS_AT}
        earliest={EARLIEST_BIRTHDAY}
        latest={calendar.data?.today}
        isDisabled={setBirthday.isPending}
        onPicked={(date) => void onPicked(date)}
      >
        <ActionButton isBlock testId='set-birthday' isBusy={setBirthday.isPending} onTap={() => undefined}>
          {text.setBirthday}
        </ActionButton>
      </BirthdayDatePicker>
    </View>
  )
}

function ClaimGift({ points }: { points: number }) {
  const text = useMessages(birthdayMessages)
  const locale = useLocale((state) => state.locale)
  const claim = useClaimBirthdayGift()
  // One key per intent: a retry after a failure reuses it, so the gift can never be paid twice.
  const intentKey = useRef<string | null>(null)

  const onClaim = () => {
    intentKey.current ??= createIdempotencyKey()
    claim.mutate(intentKey.current, {
      onSuccess: (answer) => {
        intentKey.current = null
        void Taro.showToast({ title: text.claimedToast(formatPoints(answer.points)), icon: 'none' })
      },
      onError: (error) => {
        // Refused outright (not available any more): that intent is over, the refetch shows why.
        if (isApiError(error) && error.kind === 'conflict') intentKey.current = null
      },
    })
  }

  return (
    <View className='benefit-card__body'>
      {claim.error ? (
        <View className='benefit-card__error' role='alert' data-testid='birthday-error'>
          {describeError(claim.error, locale)}
        </View>
      ) : null}
      <ActionButton isBlock testId='claim-birthday-gift' isBusy={claim.isPending} onTap={onClaim}>
        {text.claim(formatPoints(points))}
      </ActionButton>
    </View>
  )
}
