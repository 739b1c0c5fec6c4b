import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Redemption } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { couponRoutes } from '@/features/coupons/lib/coupon-routes'
import { couponMessages } from '@/features/coupons/messages'
import { redemptionQuery } from '../api/mall-queries'
import { giftMessages } from '../gift-messages'
import './redeem-result.scss'

function ResultBody({ redemption }: { redemption: Redemption }) {
  const text = useMessages(giftMessages)
  const couponText = useMessages(couponMessages)
  return (
    <View className='redeem-result' data-testid='redeem-result'>
      <Text className='redeem-result__icon'>✓</Text>
      <Text className='redeem-result__title'>{text.resultTitle}</Text>
      <Text className='redeem-result__gift' data-testid='redeem-result-gift'>
        {text.resultLine(redemption.giftName, redemption.quantity, formatPoints(redemption.pointsSpent))}
      </Text>
      {redemption.kind === 'coupon' ? (
        // A coupon gift's coupons are in the wallet (one per unit), taken off a product order by themselves.
        <View className='redeem-result__code-box' data-testid='redeem-coupon-wallet'>
          <Text className='redeem-result__note'>{couponText.inWallet(redemption.quantity)}</Text>
          <ActionButton
            variant='text'
            testId='redeem-coupon-wallet-open'
            onTap={() => void Taro.navigateTo({ url: couponRoutes.wallet })}
          >
            {couponText.openWallet} ›
          </ActionButton>
        </View>
      ) : redemption.code ? (
        <View className='redeem-result__code-box'>
          <Text className='redeem-result__note'>{text.codeResult}</Text>
          <Text className='redeem-result__code' data-testid='redeem-code' userSelect>
            {redemption.code}
          </Text>
          <ActionButton
            variant='text'
            onTap={() => {
              void Taro.setClipboardData({ data: redemption.code ?? '' }).then(() =>
                Taro.showToast({ title: text.copied, icon: 'none' }),
              )
            }}
          >
            {text.copy}
          </ActionButton>
        </View>
      ) : (
        <Text className='redeem-result__note'>{text.physicalResult}</Text>
      )}
      {redemption.address ? (
        <Text className='redeem-result__address'>
          {redemption.address.name} {redemption.address.phone}
          {'\n'}
          {redemption.address.region.join(' ')} {redemption.address.detail}
        </Text>
      ) : null}
      <View className='redeem-result__actions'>
        {/* It opens this one redemption (status, cancel), so it says so: 查看我的兑换 promised the list. */}
        <ActionButton
          variant='secondary'
          testId='redeem-result-detail'
          onTap={() => void Taro.redirectTo({ url: `${routes.redemption}?id=${encodeURIComponent(redemption.id)}` })}
        >
          {text.viewRedemption}
        </ActionButton>
        <ActionButton onTap={() => void Taro.switchTab({ url: routes.mall })}>{text.keepBrowsing}</ActionButton>
      </View>
    </View>
  )
}

/** Right after redeeming: the order, or the virtual code at once. */
export function RedeemResult({ redemptionId }: { redemptionId: string }) {
  const redemption = useQuery(redemptionQuery(redemptionId))
  return (
    <QueryState query={redemption} skeleton={<Skeleton rows={2} />}>
      {(data) => <ResultBody redemption={data} />}
    </QueryState>
  )
}
