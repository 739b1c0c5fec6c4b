import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Member } from '@/contract'
import type { GiftDetail } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { formatPoints } from '@/lib/format'
import { isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { useRedeem } from '../api/mall-queries'
import { giftMessages } from '../gift-messages'
import { redeemKeyFor, useIsRedeemPending } from '../lib/redeem-intents'
import { maxQuantity, redeemBlock } from '../lib/redeemability'
import { AddressPicker } from './address-picker'
import './redeem-sheet.scss'

type RedeemSheetProps = { gift: GiftDetail; member: Member; onClosed: () => void }

/** Quantity, an address for physical gifts, the total, and one confirm that redeems once. */
export function RedeemSheet({ gift, member, onClosed }: RedeemSheetProps) {
  const text = useMessages(giftMessages)
  const locale = useLocale((state) => state.locale)
  const [quantity, setQuantity] = useState(1)
  const [addressId, setAddressId] = useState<string | null>(null)
  const redeem = useRedeem()
  const isSending = useRef(false)
  const choice = { giftId: gift.id, quantity, addressId: addressId ?? undefined }
  // Sent before (in this sheet or one closed since) with no definite answer: it may have been redeemed.
  const isOutcomeOpen = useIsRedeemPending(choice) && !redeem.isPending
  const refusal = redeem.isError && !isOutcomeUnknown(redeem.error) ? redeem.error : null
  const upTo = maxQuantity(gift)
  const total = gift.pointsCost * quantity
  const block = redeemBlock(gift, member, quantity)
  const needsAddress = gift.kind === 'physical' && addressId === null

  const onConfirm = () => {
    if (isSending.current || block || needsAddress) return
    isSending.current = true
    // The same choices are the same intent, even from a sheet opened again: a retry replays, never redeems twice.
    redeem.mutate(
      { ...choice, idempotencyKey: redeemKeyFor(choice) },
      {
        onSuccess: (redemption) => {
          void Taro.redirectTo({ url: `${routes.redeemResult}?id=${encodeURIComponent(redemption.id)}` })
        },
        onSettled: () => {
          isSending.current = false
        },
      },
    )
  }

  return (
    <View className='redeem-sheet__backdrop' onClick={onClosed}>
      <View className='redeem-sheet' data-testid='redeem-sheet' onClick={(event) => event.stopPropagation()}>
        <Text className='redeem-sheet__title'>{gift.name}</Text>
        <View className='redeem-sheet__row'>
          <Text>{text.quantity}</Text>
          <View className='redeem-sheet__stepper'>
            <View
              className={`redeem-sheet__step ${quantity <= 1 ? 'redeem-sheet__step--off' : ''}`}
              hoverClass='redeem-sheet__step--pressed'
              aria-label={text.decrease}
              data-testid='quantity-decrease'
              onClick={() => setQuantity((value) => Math.max(1, value - 1))}
            >
              <Text>−</Text>
            </View>
            <Text className='redeem-sheet__quantity' data-testid='quantity'>
              {quantity}
            </Text>
            <View
              className={`redeem-sheet__step ${quantity >= upTo ? 'redeem-sheet__step--off' : ''}`}
              hoverClass='redeem-sheet__step--pressed'
              aria-label={text.increase}
              data-testid='quantity-increase'
              onClick={() => setQuantity((value) => Math.min(upTo, value + 1))}
            >
              <Text>+</Text>
            </View>
          </View>
        </View>
        {gift.kind === 'virtual' ? (
          <Text className='redeem-sheet__note' data-testid='one-code-each'>
            {text.oneCodeEach}
          </Text>
        ) : null}
        {gift.kind === 'physical' ? (
          <View className='redeem-sheet__address'>
            <Text className='redeem-sheet__label'>{text.address}</Text>
            <AddressPicker selectedId={addressId} onSelected={(address) => setAddressId(address.id)} />
          </View>
        ) : null}
        <View className='redeem-sheet__row'>
          <Text className='redeem-sheet__total' data-testid='redeem-total'>
            {text.total(formatPoints(total))}
          </Text>
          <Text className='redeem-sheet__balance'>{text.myBalance(formatPoints(member.pointsBalance))}</Text>
        </View>
        {block?.kind === 'not-enough-points' ? (
          <Text className='redeem-sheet__error'>{text.notEnoughPoints(formatPoints(block.missing))}</Text>
        ) : null}
        {refusal ? (
          <View className='redeem-sheet__error' role='alert' data-testid='redeem-error'>
            {text.failed(describeError(refusal, locale))}
          </View>
        ) : null}
        {isOutcomeOpen ? (
          <View className='redeem-sheet__unknown' role='alert' data-testid='redeem-unknown'>
            <Text className='redeem-sheet__unknown-text' data-testid='redeem-unknown-text'>
              {text.outcomeUnknown}
            </Text>
            <ActionButton
              variant='secondary'
              testId='redeem-check'
              onTap={() => void Taro.navigateTo({ url: routes.redemptions })}
            >
              {text.viewRedemptions}
            </ActionButton>
          </View>
        ) : null}
        <View className='redeem-sheet__actions'>
          <ActionButton variant='secondary' testId='redeem-cancel' onTap={onClosed}>
            {text.cancel}
          </ActionButton>
          <ActionButton
            testId='redeem-confirm'
            isDisabled={Boolean(block) || needsAddress}
            isBusy={redeem.isPending}
            onTap={onConfirm}
          >
            {text.confirm}
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
