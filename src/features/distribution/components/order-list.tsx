import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Order } from '@/contract/orders'
import { ActionButton } from '@/components/action-button'
import { InfiniteList } from '@/components/infinite-list'
import { EmptyState } from '@/components/page-state'
import { formatFen, formatServerTime } from '@/lib/format'
import { createIdempotencyKey, isApiError, isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { ordersQuery, useRefundOrder } from '../api/order-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import './kol.scss'

/** The parcel's states in the colours the payment's already have (waiting amber, done green). */
const BADGE_TONES: Record<string, string> = { pending_shipment: 'pending', shipped: 'paid', completed: 'paid' }

function OrderRow({ order }: { order: Order }) {
  const text = useMessages(kolMessages)
  const locale = useLocale((state) => state.locale)
  const refund = useRefundOrder()
  const [failure, setFailure] = useState<string | null>(null)
  const refundKey = useRef<string | null>(null)
  const amount = formatFen(order.amountFen)
  // A paid product order says where its parcel is (by the server's clock); a plan's order and a refund say the payment.
  const badge = order.status === 'paid' && order.shippingStatus !== null ? order.shippingStatus : order.status

  const onRefundTapped = async () => {
    const { confirm } = await Taro.showModal({
      title: text.refundTitle,
      // A coupon's order: the member should know the coupon is not lost with it (the server gives it back).
      content:
        order.kind === 'plan' ? text.refundConfirmPlan(amount) : text.refundConfirm(amount, order.couponCode !== null),
      cancelText: text.keep,
      confirmText: text.confirmRefund,
    })
    if (!confirm) return
    setFailure(null)
    // Kept while no answer has come: asking again replays the refund the server may already have made.
    refundKey.current ??= createIdempotencyKey()
    refund.mutate(
      { id: order.id, idempotencyKey: refundKey.current },
      {
        onSuccess: () => {
          refundKey.current = null
          void Taro.showToast({ title: text.refunded, icon: 'none' })
        },
        onError: (error) => {
          if (isOutcomeUnknown(error)) {
            setFailure(text.refundUnknown)
            return
          }
          refundKey.current = null
          // The list is read again (onSettled): a window that closed meanwhile takes the button away, the reason stays.
          const reason = isApiError(error) ? error.details.reason : undefined
          setFailure((typeof reason === 'string' && text.refundRefusals[reason]) || describeError(error, locale))
        },
      },
    )
  }

  return (
    <View className='kol-card' data-testid={`order-${order.id}`}>
      <View className='kol-row'>
        <Text className='kol-row__name'>
          {order.itemName} {text.quantity(order.quantity)}
        </Text>
        <Text className={`kol-badge kol-badge--${BADGE_TONES[badge] ?? badge}`} data-testid='order-status'>
          {text.orderStatus[badge]}
        </Text>
      </View>
      <View className='kol-row'>
        <Text className='kol-muted'>{formatServerTime(order.createdAt)}</Text>
        <Text className='kol-amount'>{amount}</Text>
      </View>
      {order.discountFen > 0 ? (
        <Text className='kol-muted' data-testid='order-discount'>
          {text.couponUsed(formatFen(order.discountFen))}
        </Text>
      ) : null}
      {order.status === 'paid' && order.shippingStatus === 'pending_shipment' && order.shipBy ? (
        <Text
          className={order.priorityShipping ? 'kol-ship kol-ship--priority' : 'kol-ship'}
          data-testid='order-ship-by'
        >
          {text.shipBy(formatServerTime(order.shipBy), order.priorityShipping)}
        </Text>
      ) : null}
      {order.status === 'paid' && order.shippingStatus === 'shipped' && order.shippedAt ? (
        <Text className='kol-ship' data-testid='order-shipped-at'>
          {text.shippedAt(formatServerTime(order.shippedAt))}
        </Text>
      ) : null}
      {order.status === 'paid' && order.shippingStatus === 'completed' && order.shippedAt && order.completedAt ? (
        <Text className='kol-ship' data-testid='order-completed-at'>
          {text.completedAt(formatServerTime(order.shippedAt), formatServerTime(order.completedAt))}
        </Text>
      ) : null}
      {order.status === 'refunded' && order.refundedAt ? (
        // When, and what it took back: a bare 已退款 left the buyer asking whether the points went too.
        <Text className='kol-muted' data-testid='order-refunded-at'>
          {text.refundedAt(formatServerTime(order.refundedAt))}
        </Text>
      ) : null}
      {/* The server's word, not the phone's clock: after the window it would refuse, so the button is not offered. */}
      {order.status === 'paid' && !order.isRefundable ? (
        <Text className='kol-muted' data-testid='order-refund-closed'>
          {text.refundClosed(formatServerTime(order.refundableUntil))}
        </Text>
      ) : null}
      {order.status === 'paid' && order.isRefundable ? (
        <View className='kol-row'>
          <Text className='kol-muted'>{text.refundableUntil(formatServerTime(order.refundableUntil))}</Text>
          <ActionButton
            variant='secondary'
            testId={`order-refund-${order.id}`}
            isBusy={refund.isPending}
            onTap={() => void onRefundTapped()}
          >
            {text.refund}
          </ActionButton>
        </View>
      ) : null}
      {failure ? (
        <View className='kol-error' role='alert'>
          {failure}
        </View>
      ) : null}
    </View>
  )
}

/** My orders (products and plans), newest first, each refundable within its window. */
export function OrderList() {
  const text = useMessages(kolMessages)
  const orders = useInfiniteQuery(ordersQuery())
  const isEmpty = orders.data?.pages.every((page) => page.items.length === 0) === true
  return (
    <View data-testid='order-list'>
      {isEmpty ? (
        // What comes here, and the way to the products (an empty list with no way on is a dead end).
        <EmptyState
          title={text.ordersEmpty}
          hint={text.ordersEmptyHint}
          action={
            <ActionButton testId='orders-to-products' onTap={() => void Taro.navigateTo({ url: kolRoutes.products })}>
              {text.toProducts}
            </ActionButton>
          }
        />
      ) : (
        <InfiniteList query={orders} emptyTitle={text.ordersEmpty}>
          {(items) => (
            <View className='kol-rows'>
              {items.map((order) => (
                <OrderRow key={order.id} order={order} />
              ))}
            </View>
          )}
        </InfiniteList>
      )}
    </View>
  )
}
