import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Coupon } from '@/contract/coupons'
import { formatFen } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { walletQuery } from '../api/coupon-queries'
import { bestCoupon, savingOn } from '../lib/best-coupon'
import { couponMessages } from '../messages'
import './coupons.scss'

// WeChat's action sheet takes at most 6 items: "no coupon" and the 5 best.
const MAX_OFFERED = 5

/**
 * The member's choice of coupon for an amount: undefined until they choose (the best one is offered), null for
 * none, else a code.
 */
export type CouponPick = string | null | undefined

/** The coupon an order would spend now: the member's pick while it is still available, else the best one. */
export function useChosenCoupon(amountFen: number, pick: CouponPick, isEnabled: boolean) {
  const wallet = useQuery({ ...walletQuery(), enabled: isEnabled })
  const usable = (wallet.data?.items ?? []).filter((coupon) => savingOn(amountFen, coupon) > 0)
  const chosen = pick === null ? null : (usable.find((coupon) => coupon.code === pick) ?? bestCoupon(usable, amountFen))
  return { usable, chosen, discountFen: chosen ? savingOn(amountFen, chosen) : 0 }
}

type CouponChoiceProps = {
  amountFen: number
  usable: readonly Coupon[]
  chosen: Coupon | null
  onPick: (pick: CouponPick) => void
}

/** One row under the price: the coupon taken off (tap to choose another or none), and what is left to pay. */
export function CouponChoice({ amountFen, usable, chosen, onPick }: CouponChoiceProps) {
  const text = useMessages(couponMessages)
  if (usable.length === 0) return null
  // The best ones first: what the member most likely wants is at the top of the sheet.
  const offered = [...usable]
    .sort((a, b) => savingOn(amountFen, b) - savingOn(amountFen, a) || a.validUntil.localeCompare(b.validUntil))
    .slice(0, MAX_OFFERED)
  const choose = async () => {
    const answer = await Taro.showActionSheet({
      itemList: [
        text.choiceNone,
        ...offered.map((coupon) => text.choiceItem(formatFen(savingOn(amountFen, coupon)), coupon.validUntil)),
      ],
    }).catch(() => null)
    if (answer === null) return
    onPick(answer.tapIndex === 0 ? null : (offered[answer.tapIndex - 1]?.code ?? undefined))
  }
  const discountFen = chosen ? savingOn(amountFen, chosen) : 0
  return (
    <View>
      <View
        className='coupon-choice'
        role='button'
        tabIndex={0}
        aria-label={`${text.choiceLabel} ${chosen ? text.discounted(formatFen(discountFen)) : text.choiceNone}`}
        data-testid='coupon-choice'
        data-code={chosen?.code ?? ''}
        onClick={() => void choose()}
      >
        <Text>{text.choiceLabel}</Text>
        <Text className={`coupon-choice__value ${chosen ? '' : 'coupon-choice__value--none'}`}>
          {chosen ? `-${formatFen(discountFen)}` : text.choiceNone} ›
        </Text>
      </View>
      {chosen ? (
        <View className='coupon-payable' data-testid='coupon-payable'>
          <Text className='coupon-payable__amount'>{text.payable(formatFen(amountFen - discountFen))}</Text>
          <Text className='coupon-payable__off'>{text.discounted(formatFen(discountFen))}</Text>
        </View>
      ) : null}
    </View>
  )
}
