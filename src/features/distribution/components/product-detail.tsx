import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Image, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { EmptyState } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { useAppConfig } from '@/lib/app-config'
import { formatFen } from '@/lib/format'
import type { OrderRequest } from '@/contract/orders'
import type { CouponPick } from '@/features/coupons/components/coupon-choice'
import { CouponChoice, useChosenCoupon } from '@/features/coupons/components/coupon-choice'
import { couponMessages } from '@/features/coupons/messages'
import { createIdempotencyKey, isApiError, isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { goToSignIn } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { useCreateOrder } from '../api/order-queries'
import { productQuery } from '../api/product-queries'
import { distributionStatusQuery } from '../api/rights-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import { withReferral } from '../lib/share-link'
import { shareUrl } from '../lib/share-url'
import { ShareLinkButton } from './share-link-button'
import './kol.scss'

type ProductDetailProps = {
  productId: string
  /** The distributor's code of the link the page was opened with. */
  referralCode: string | null
  /** The 分享赚 post the page was opened from. */
  postId: string | null
}

/** A product a fan buys from through a KOL's link: the order carries the link's ref / postId (mock payment). */
export function ProductDetail({ productId, referralCode, postId }: ProductDetailProps) {
  const text = useMessages(kolMessages)
  const couponText = useMessages(couponMessages)
  const locale = useLocale((state) => state.locale)
  const isSignedIn = useSession(selectIsSignedIn)
  const config = useAppConfig()
  const product = useQuery(productQuery(productId))
  const status = useQuery({ ...distributionStatusQuery(), enabled: isSignedIn })
  // A KOL's own code: they share this page with it; a link carrying it is their own, not someone's share.
  const ownCode = status.data?.isDistributor ? status.data.referralCode : null
  const isOwnLink = ownCode !== null && referralCode !== null && ownCode.toUpperCase() === referralCode.toUpperCase()
  // With distribution switched off nothing pays the commission out (the KOL center is closed): no 分享赚 promise.
  const isEarning = ownCode !== null && config?.features.distribution !== false
  const order = useCreateOrder()
  const [couponPick, setCouponPick] = useState<CouponPick>(undefined)
  const coupon = useChosenCoupon(product.data?.priceFen ?? 0, couponPick, isSignedIn)
  // The order whose answer never came, with its key: retried as it was (same coupon, same key), so a payment that
  // went through is replayed, not paid twice. A definite answer, or the member choosing another coupon, ends it.
  const unanswered = useRef<{ order: OrderRequest; key: string } | null>(null)
  const pickCoupon = (pick: CouponPick) => {
    unanswered.current = null
    setCouponPick(pick)
  }

  // The order just paid on this page: a second one is a deliberate act, asked for by name, never a stray second tap.
  const paid = order.data
  // One question at a time: a double tap on 再买一单 must not stack two confirmations (two yeses, two orders).
  const isAsking = useRef(false)
  const buyAgain = async () => {
    if (!paid || isAsking.current) return
    isAsking.current = true
    try {
      const { confirm } = await Taro.showModal({
        title: text.buyAgainTitle,
        content: text.buyAgainConfirm(paid.itemName, formatFen(paid.amountFen)),
        cancelText: text.keep,
        confirmText: text.confirmBuyAgain,
      })
      // A new intent, a new key: the server takes it as the second order it is.
      if (confirm) buy()
    } finally {
      isAsking.current = false
    }
  }

  const buy = () => {
    // A tap while the order is on its way is the same intent (its key is kept in `unanswered`), not a second order.
    if (order.isPending) return
    if (!isSignedIn) {
      // Back to this product with the link's code: the page's own query is not always known to the router on H5.
      const query = [`id=${encodeURIComponent(productId)}`]
      if (referralCode) query.push(`ref=${encodeURIComponent(referralCode)}`)
      if (postId) query.push(`postId=${encodeURIComponent(postId)}`)
      goToSignIn(`${kolRoutes.product}?${query.join('&')}`)
      return
    }
    const intent = unanswered.current ?? {
      order: {
        productId,
        ...(referralCode ? { ref: referralCode } : {}),
        ...(postId ? { postId } : {}),
        ...(coupon.chosen ? { couponCode: coupon.chosen.code } : {}),
      },
      key: createIdempotencyKey(),
    }
    unanswered.current = intent
    order.mutate(
      { order: intent.order, idempotencyKey: intent.key },
      {
        onSuccess: () => {
          unanswered.current = null
          setCouponPick(undefined)
          void Taro.showToast({ title: text.bought, icon: 'success' })
        },
        onError: (error) => {
          if (isOutcomeUnknown(error)) {
            void Taro.showToast({ title: text.orderUnknown, icon: 'none' })
            return
          }
          unanswered.current = null
          if (isApiError(error) && error.code === 'COUPON_UNAVAILABLE') {
            // The wallet is read again (the order's settling refetches it): the best coupon still usable is chosen.
            setCouponPick(undefined)
            const reason = error.details.reason
            void Taro.showToast({ title: couponText.unavailable(String(reason)), icon: 'none', duration: 3000 })
            return
          }
          void Taro.showToast({ title: text.failed(describeError(error, locale)), icon: 'none' })
        },
      },
    )
  }

  // An old shared link to a product no longer sold: 重试 cannot bring it back, the catalogue can.
  if (product.data === undefined && isApiError(product.error) && product.error.kind === 'not-found')
    return (
      <EmptyState
        title={text.productGone}
        hint={text.productGoneHint}
        action={
          <ActionButton
            testId='product-gone-to-products'
            onTap={() => void Taro.redirectTo({ url: kolRoutes.products })}
          >
            {text.toProducts}
          </ActionButton>
        }
      />
    )
  return (
    <QueryState query={product}>
      {(item) => (
        <View className='kol-product-detail' data-testid='product-detail'>
          {item.images[0] ? (
            <Image className='kol-product-detail__img' src={item.images[0]} mode='aspectFill' aria-hidden='true' />
          ) : null}
          <View className='kol-section'>
            <Text className='kol-product-detail__name'>{item.name}</Text>
            <Text className='kol-amount kol-amount--big' data-testid='product-price'>
              {formatFen(item.priceFen)}
            </Text>
            {isEarning ? <Text className='kol-earn'>{text.earn(formatFen(item.commissionFen))}</Text> : null}
            {isSignedIn ? <CouponChoice amountFen={item.priceFen} coupon={coupon} onPick={pickCoupon} /> : null}
            <Text className='kol-muted'>{item.description}</Text>
            {referralCode && !isOwnLink ? (
              <Text className='kol-muted' data-testid='product-ref'>
                {text.viaRef(referralCode)}
              </Text>
            ) : null}
          </View>
          {order.data ? (
            <View className='kol-section' data-testid='order-paid'>
              <Text className='kol-row__name'>
                {text.bought} · {formatFen(order.data.amountFen)}
              </Text>
              {order.data.discountFen > 0 ? (
                <Text className='kol-muted'>{text.couponUsed(formatFen(order.data.discountFen))}</Text>
              ) : null}
              {order.data.points > 0 ? (
                // Pending for the refund window (domain rules): "积分 +189" alone sent members to a balance without them.
                <Text className='kol-muted' data-testid='order-points'>
                  {text.orderPoints(order.data.points, config?.points.pendingDays ?? 0)}
                </Text>
              ) : null}
              <ActionButton
                variant='secondary'
                testId='view-orders'
                onTap={() => void Taro.navigateTo({ url: kolRoutes.orders })}
              >
                {text.viewOrders}
              </ActionButton>
            </View>
          ) : null}
          {ownCode ? (
            <ShareLinkButton
              variant='primary'
              title={item.name}
              url={shareUrl(withReferral(`${kolRoutes.product}?id=${encodeURIComponent(productId)}`, ownCode))}
            />
          ) : null}
          <ActionButton
            isBlock
            variant={ownCode ? 'secondary' : 'primary'}
            testId='product-buy'
            // Held until the wallet answers: buying before it would skip the member's best coupon.
            isBusy={order.isPending || coupon.isLoading}
            onTap={paid && isSignedIn ? () => void buyAgain() : buy}
          >
            {!isSignedIn ? text.buySignIn : paid ? text.buyAgain : text.buy}
          </ActionButton>
        </View>
      )}
    </QueryState>
  )
}
