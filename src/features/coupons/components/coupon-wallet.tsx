import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Coupon } from '@/contract/coupons'
import { ActionButton } from '@/components/action-button'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatFen } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { walletQuery } from '../api/coupon-queries'
import { couponMessages } from '../messages'
import './coupons.scss'

// Where a coupon is spent: the brand's products (orders subpackage).
const PRODUCTS_URL = '/packages/orders/products/index'

/** Every coupon of the member, usable ones first (the server's order), each with where it stands. */
export function CouponWallet() {
  const text = useMessages(couponMessages)
  const wallet = useQuery(walletQuery())
  return (
    <QueryState
      query={wallet}
      skeleton={<Skeleton rows={3} testId='wallet-skeleton' />}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState
          title={text.emptyTitle}
          hint={text.emptyHint}
          action={
            <ActionButton
              variant='secondary'
              testId='wallet-to-levels'
              onTap={() => void Taro.navigateTo({ url: routes.levels })}
            >
              {text.toLevels}
            </ActionButton>
          }
        />
      }
    >
      {(data) => (
        <View className='coupon-list' data-testid='coupon-list'>
          {data.items.map((coupon) => (
            <CouponRow key={coupon.code} coupon={coupon} />
          ))}
        </View>
      )}
    </QueryState>
  )
}

function CouponRow({ coupon }: { coupon: Coupon }) {
  const text = useMessages(couponMessages)
  const isUsable = coupon.status === 'available'
  return (
    <View
      className={`coupon ${isUsable ? '' : 'coupon--spent'}`}
      data-testid='coupon'
      data-code={coupon.code}
      data-status={coupon.status}
    >
      <Text className='coupon__value'>{formatFen(coupon.valueFen)}</Text>
      <View className='coupon__body'>
        <Text className='coupon__name'>
          {text.source[coupon.source]} ·{' '}
          {coupon.minSpendFen > 0 ? text.minSpend(formatFen(coupon.minSpendFen)) : text.noThreshold}
        </Text>
        <Text className='coupon__dates'>{text.validRange(coupon.validFrom, coupon.validUntil)}</Text>
        {isUsable ? null : <Text className='coupon__status'>{text.status[coupon.status]}</Text>}
      </View>
      {isUsable ? (
        <ActionButton variant='secondary' testId='coupon-use' onTap={() => void Taro.navigateTo({ url: PRODUCTS_URL })}>
          {text.use}
        </ActionButton>
      ) : null}
    </View>
  )
}
