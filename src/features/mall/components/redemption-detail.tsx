import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Image, Text, View } from '@tarojs/components'
import type { Redemption } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatPoints, formatServerTime } from '@/lib/format'
import { createIdempotencyKey, isApiError, isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { couponRoutes } from '@/features/coupons/lib/coupon-routes'
import { couponMessages } from '@/features/coupons/messages'
import { redemptionQuery, useCancelRedemption } from '../api/mall-queries'
import { redemptionMessages } from '../redemption-messages'
import { RedemptionStatusBadge } from './redemption-list'
import './redemption-detail.scss'

type Step = { key: string; label: string; at: string | null }

/** 下单 → 发货 → 完成 for a parcel, 下单 → 完成 for a code, 下单 → 已取消 once cancelled. */
function stepsOf(redemption: Redemption, labels: Record<string, string>): Step[] {
  const placed = { key: 'placed', label: labels.placed ?? '', at: redemption.createdAt }
  if (redemption.status === 'cancelled')
    return [placed, { key: 'cancelled', label: labels.cancelled ?? '', at: redemption.cancelledAt }]
  const completed = { key: 'completed', label: labels.completed ?? '', at: redemption.completedAt }
  if (redemption.kind !== 'physical') return [placed, completed]
  return [placed, { key: 'shipped', label: labels.shipped ?? '', at: redemption.shippedAt }, completed]
}

function Timeline({ redemption }: { redemption: Redemption }) {
  const text = useMessages(redemptionMessages)
  return (
    <View className='redemption-timeline' data-testid='redemption-timeline'>
      {stepsOf(redemption, text.steps).map((step) => (
        <View
          key={step.key}
          className={`redemption-timeline__step ${step.at ? 'redemption-timeline__step--done' : ''} redemption-timeline__step--${step.key}`}
          data-testid={`timeline-${step.key}`}
          data-done={step.at ? 'true' : 'false'}
        >
          <View className='redemption-timeline__dot' />
          <Text className='redemption-timeline__label'>{step.label}</Text>
          <Text className='redemption-timeline__time'>{step.at ? formatServerTime(step.at) : ''}</Text>
        </View>
      ))}
    </View>
  )
}

function CodeCard({ code }: { code: string }) {
  const text = useMessages(redemptionMessages)
  const onCopyTapped = () =>
    void Taro.setClipboardData({ data: code })
      .then(() => Taro.showToast({ title: text.copied, icon: 'none' }))
      .catch(() => undefined)
  return (
    <View className='redemption-code' data-testid='redemption-code-card'>
      <Text className='redemption-code__label'>{text.code}</Text>
      <Text className='redemption-code__value' userSelect data-testid='redemption-code'>
        {code}
      </Text>
      <Text className='redemption-code__hint'>{text.codeHint}</Text>
      <ActionButton variant='secondary' testId='copy-code' onTap={onCopyTapped}>
        {text.copy}
      </ActionButton>
    </View>
  )
}

/**
 * A coupon gift's coupons are in the wallet (one per unit), taken off a product order by themselves: its redemption
 * code is nothing a member can use anywhere, so the wallet is shown instead, as on the redeem result.
 */
function CouponsInWallet({ quantity }: { quantity: number }) {
  const text = useMessages(couponMessages)
  return (
    <View className='redemption-code' data-testid='redemption-coupon-wallet'>
      <Text className='redemption-code__hint'>{text.inWallet(quantity)}</Text>
      <ActionButton
        variant='secondary'
        testId='redemption-coupon-wallet-open'
        onTap={() => void Taro.navigateTo({ url: couponRoutes.wallet })}
      >
        {text.openWallet} ›
      </ActionButton>
    </View>
  )
}

function CancelRedemption({ redemption }: { redemption: Redemption }) {
  const text = useMessages(redemptionMessages)
  const locale = useLocale((state) => state.locale)
  const cancel = useCancelRedemption()
  // One key per intent to cancel: a retry after a 500 or a lost answer reuses it, so it refunds once.
  const intentKey = useRef<string | null>(null)
  const points = formatPoints(redemption.pointsSpent)

  const send = () => {
    intentKey.current ??= createIdempotencyKey()
    cancel.mutate(
      { redemptionId: redemption.id, idempotencyKey: intentKey.current },
      {
        onSuccess: (cancelled) => {
          intentKey.current = null
          void Taro.showToast({
            title: text.cancelled(formatPoints(cancelled.pointsSpent)),
            icon: 'none',
            duration: 2500,
          })
        },
        onError: (error) => {
          // A refusal is final (the onSettled refetch shows the new status); only a failure in transit is retried.
          if (isApiError(error) && !error.isTransient) intentKey.current = null
        },
      },
    )
  }

  const onCancelTapped = async () => {
    const { confirm } = await Taro.showModal({
      title: text.cancelTitle,
      content: text.cancelConfirm(points),
      // The mini-program caps these at four characters.
      cancelText: text.keep,
      confirmText: text.confirmCancel,
    })
    if (confirm) send()
  }

  const failure = cancel.error
  const isRetryable = isApiError(failure) && failure.isTransient
  // No answer is not a "no": it may have been cancelled (the re-read after it shows the status, and says it once it has).
  const isUnknown = isOutcomeUnknown(failure)
  const reason =
    !failure || (isUnknown && redemption.status === 'cancelled')
      ? null
      : isUnknown
        ? text.cancelUnknown
        : ((isApiError(failure) && failure.code ? text.errors[failure.code] : undefined) ??
          text.cancelFailed(describeError(failure, locale)))

  return (
    <View className='redemption-cancel'>
      {reason ? (
        <View className='redemption-cancel__error' role='alert' data-testid='cancel-error'>
          {reason}
        </View>
      ) : null}
      {redemption.status === 'pending_shipment' ? (
        <ActionButton
          variant={isRetryable ? 'primary' : 'secondary'}
          isBlock
          testId='cancel-redemption'
          isBusy={cancel.isPending}
          onTap={isRetryable ? send : () => void onCancelTapped()}
        >
          {isRetryable ? text.retryCancel : text.cancel}
        </ActionButton>
      ) : null}
    </View>
  )
}

function DetailView({ redemption }: { redemption: Redemption }) {
  const text = useMessages(redemptionMessages)
  return (
    <View className='redemption-detail' data-testid='redemption-detail'>
      <View className='redemption-detail__card'>
        <View className='redemption-detail__status'>
          <RedemptionStatusBadge status={redemption.status} />
        </View>
        <Timeline redemption={redemption} />
        {redemption.status === 'pending_shipment' && redemption.shipBy ? (
          <Text
            className={`redemption-detail__ship ${redemption.priorityShipping ? 'redemption-detail__ship--priority' : ''}`}
            data-testid='redemption-ship-by'
          >
            {text.shipBy(formatServerTime(redemption.shipBy), redemption.priorityShipping)}
          </Text>
        ) : null}
      </View>
      <View className='redemption-detail__card redemption-detail__gift'>
        <View className='redemption-detail__image'>
          {redemption.giftImage ? (
            <Image className='redemption-detail__img' src={redemption.giftImage} mode='aspectFill' aria-hidden='true' />
          ) : null}
        </View>
        <View className='redemption-detail__facts'>
          <Text className='redemption-detail__name' data-testid='redemption-gift-name'>
            {redemption.giftName}
          </Text>
          <Text className='redemption-detail__fact'>
            {text.quantityLabel} {text.quantity(redemption.quantity)}
          </Text>
          <Text className='redemption-detail__fact' data-testid='redemption-points'>
            {text.pointsLabel} {formatPoints(redemption.pointsSpent)}
          </Text>
        </View>
      </View>
      {redemption.kind === 'coupon' ? (
        <CouponsInWallet quantity={redemption.quantity} />
      ) : redemption.code ? (
        <CodeCard code={redemption.code} />
      ) : null}
      {redemption.address ? (
        <View className='redemption-detail__card redemption-detail__address' data-testid='redemption-address'>
          <Text className='redemption-detail__section'>{text.address}</Text>
          <Text className='redemption-detail__who'>
            {redemption.address.name} {redemption.address.phone}
          </Text>
          <Text className='redemption-detail__where'>
            {redemption.address.region.join(' ')} {redemption.address.detail}
          </Text>
        </View>
      ) : null}
      <View className='redemption-detail__card'>
        <Text className='redemption-detail__fact'>
          {text.orderNumber} {redemption.id}
        </Text>
      </View>
      <CancelRedemption redemption={redemption} />
    </View>
  )
}

/** One redemption: where it stands, what it was, its code or address, and cancelling while it waits to ship. */
export function RedemptionDetail({ redemptionId }: { redemptionId: string }) {
  const text = useMessages(redemptionMessages)
  const redemption = useQuery(redemptionQuery(redemptionId))
  // Not this member's (an old link, another account signed in now): 重试 cannot find it, 我的兑换 has theirs.
  if (redemption.data === undefined && isApiError(redemption.error) && redemption.error.kind === 'not-found')
    return (
      <EmptyState
        title={text.detailGone}
        hint={text.detailGoneHint}
        action={
          <ActionButton
            testId='redemption-gone-to-list'
            onTap={() => void Taro.redirectTo({ url: routes.redemptions })}
          >
            {text.toList}
          </ActionButton>
        }
      />
    )
  return (
    <QueryState query={redemption} skeleton={<Skeleton rows={4} />}>
      {(data) => <DetailView redemption={data} />}
    </QueryState>
  )
}
