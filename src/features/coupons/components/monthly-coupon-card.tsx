import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { MonthlyCoupon } from '@/contract/coupons'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { useAppConfig } from '@/lib/app-config'
import { formatFen } from '@/lib/format'
import { createIdempotencyKey, isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { monthlyCouponQuery, useClaimMonthlyCoupon } from '../api/coupon-queries'
import { couponRoutes } from '../lib/coupon-routes'
import { couponMessages } from '../messages'
import '../../membership/components/benefit-card.scss'
import './coupons.scss'

/** The levels page's card: this month's coupon of the member's level, claimed with one tap. */
export function MonthlyCouponCard({
  hasWalletLink = true,
}: {
  /** Off on the wallet page itself. */
  hasWalletLink?: boolean
}) {
  const text = useMessages(couponMessages)
  const monthly = useQuery(monthlyCouponQuery())
  return (
    <View className='benefit-card' data-testid='monthly-coupon-card' data-status={monthly.data?.status}>
      <View className='benefit-card__head'>
        <Text className='benefit-card__title'>{text.monthlyTitle}</Text>
        {hasWalletLink ? (
          <Text
            className='coupon-link'
            role='link'
            tabIndex={0}
            data-testid='open-wallet'
            onClick={() => void Taro.navigateTo({ url: couponRoutes.wallet })}
          >
            {text.openWallet} ›
          </Text>
        ) : null}
      </View>
      <QueryState query={monthly} skeleton={<Skeleton rows={1} testId='monthly-coupon-skeleton' />}>
        {(data) => <MonthlyCouponBody monthly={data} />}
      </QueryState>
    </View>
  )
}

function MonthlyCouponBody({ monthly }: { monthly: MonthlyCoupon }) {
  const text = useMessages(couponMessages)
  const levels = useAppConfig()?.levels
  switch (monthly.status) {
    case 'available':
      return <ClaimCoupon valueFen={monthly.valueFen} />
    case 'claimed':
      return (
        <Text className='benefit-card__status' data-testid='monthly-coupon-status'>
          ✓ {text.claimed(formatFen(monthly.coupon?.valueFen ?? 0), monthly.coupon?.validUntil ?? '')}
        </Text>
      )
    case 'not_eligible': {
      // Not "none at any level" before the config (the level table) has come.
      if (!levels) return null
      // The first level that gives one, so the member knows what to aim for.
      const unlocking = [...levels]
        .sort((a, b) => a.minGrowth - b.minGrowth)
        .find((level) => level.monthlyCouponFen > 0)
      return (
        <Text className='benefit-card__status' data-testid='monthly-coupon-status'>
          {unlocking
            ? text.unlockAt(`${unlocking.code} ${unlocking.name}`, formatFen(unlocking.monthlyCouponFen))
            : text.notAvailable}
        </Text>
      )
    }
  }
}

function ClaimCoupon({ valueFen }: { valueFen: number }) {
  const text = useMessages(couponMessages)
  const locale = useLocale((state) => state.locale)
  const claim = useClaimMonthlyCoupon()
  // One key per intent: a retry after an unanswered claim replays it instead of asking twice.
  const intentKey = useRef<string | null>(null)

  const onClaim = () => {
    intentKey.current ??= createIdempotencyKey()
    claim.mutate(intentKey.current, {
      onSuccess: () => {
        intentKey.current = null
        void Taro.showToast({ title: text.claimedToast(formatFen(valueFen)), icon: 'none' })
      },
      onError: (error) => {
        // Refused outright (claimed elsewhere, level changed): that intent is over, the refetch shows why.
        if (isApiError(error) && error.kind === 'conflict') intentKey.current = null
      },
    })
  }

  return (
    <View className='benefit-card__body'>
      <Text className='benefit-card__hint'>{text.claimHint(formatFen(valueFen))}</Text>
      {claim.error ? (
        <View className='benefit-card__error' role='alert' data-testid='monthly-coupon-error'>
          {describeError(claim.error, locale)}
        </View>
      ) : null}
      <ActionButton isBlock testId='claim-monthly-coupon' isBusy={claim.isPending} onTap={onClaim}>
        {text.claim(formatFen(valueFen))}
      </ActionButton>
    </View>
  )
}
