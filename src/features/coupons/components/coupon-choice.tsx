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

/**
 * The coupon an order would spend now: the member's pick while it is still available, else the best one.
 * `isLoading`: the wallet has not answered yet, so buying now would skip a coupon the member has (hold the button);
 * `isError`: it could not be read (say so, with a retry, rather than show no coupon row at all).
 */
export function useChosenCoupon(amountFen: number, pick: CouponPick, isEnabled: boolean) {
  const wallet = useQuery({ ...walletQuery(), enabled: isEnabled })
  const usable = (wallet.data?.items ?? []).filter((coupon) => savingOn(amountFen, coupon) > 0)
  const chosen = pick === null ? null : (usable.find((coupon) => coupon.code === pick) ?? bestCoupon(usable, amountFen))
  return {
    usable,
    chosen,
    discountFen: chosen ? savingOn(amountFen, chosen) : 0,
    isLoading: isEnabled && wallet.isPending,
    isError: isEnabled && wallet.isError && wallet.data === undefined,
    retry: () => void wallet.refetch(),
  }
}

type CouponChoiceProps = {
  amountFen: number
  coupon: ReturnType<typeof useChosenCoupon>
  onPick: (pick: CouponPick) => void
}

/** One row under the price: the coupon taken off (tap to choose another or none), and what is left to pay. */
export function CouponChoice({ amountFen, coupon: { usable, chosen, isError, retry }, onPick }: CouponChoiceProps) {
  const text = useMessages(couponMessages)
  if (isError)
    return (
      <View className='coupon-choice' role='button' tabIndex={0} data-testid='coupon-choice-failed' onClick={retry}>
        <Text>{text.choiceLabel}</Text>
        <Text className='coupon-choice__value coupon-choice__value--none'>{text.choiceFailed} ›</Text>
      </View>
    )
  if (usable.length === 0) return null
  // The best ones first: what the member most likely wants is at the top of the sheet.
  // Coupons that would take the same off by the same day are one choice to the member: listed once.
  const labelOf = (coupon: Coupon) => text.choiceItem(formatFen(savingOn(amountFen, coupon)), coupon.validUntil)
  const offered = [...usable]
    .filter((coupon, index, all) => all.findIndex((other) => labelOf(other) === labelOf(coupon)) === index)
    .sort((a, b) => savingOn(amountFen, b) - savingOn(amountFen, a) || a.validUntil.localeCompare(b.validUntil))
    .slice(0, MAX_OFFERED)
  const choose = async () => {
    const answer = await Taro.showActionSheet({
      itemList: [text.choiceNone, ...offered.map(labelOf)],
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
