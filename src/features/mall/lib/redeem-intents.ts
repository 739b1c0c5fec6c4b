import { create } from 'zustand'
import { createIdempotencyKey } from '@/lib/http'

/** What the member chose in the redeem sheet: the same choices are the same intent (and the same request body). */
export type RedeemChoice = { giftId: string; quantity: number; addressId?: string }

/**
 * The Idempotency-Key of each redemption sent and not answered for sure yet, by gift, quantity and address.
 * It outlives the sheet: a member who closes it after a lost answer and confirms the same choices again
 * replays the first redemption instead of making a second one. A definite answer (success or refusal)
 * forgets it, so the next redemption is a new intent. Memory only: it lasts as long as the app runs.
 */
const usePendingRedeems = create<{ keys: Record<string, string> }>()(() => ({ keys: {} }))

const signatureOf = ({ giftId, quantity, addressId }: RedeemChoice): string =>
  `${giftId}:${quantity}:${addressId ?? ''}`

/** The key to send these choices with: the one still waiting for an answer, or a new one kept until there is one. */
export function redeemKeyFor(choice: RedeemChoice): string {
  const signature = signatureOf(choice)
  const kept = usePendingRedeems.getState().keys[signature]
  if (kept) return kept
  const key = createIdempotencyKey()
  usePendingRedeems.setState((state) => ({ keys: { ...state.keys, [signature]: key } }))
  return key
}

/** A definite answer came for the redemption sent with `key`: these choices are a new intent from now on. */
export function settleRedeem(choice: RedeemChoice, key: string): void {
  const signature = signatureOf(choice)
  if (usePendingRedeems.getState().keys[signature] !== key) return
  usePendingRedeems.setState((state) => {
    const { [signature]: _settled, ...keys } = state.keys
    return { keys }
  })
}

/** Whether a redemption of these choices was sent and its outcome is not known yet (re-renders when that changes). */
export const useIsRedeemPending = (choice: RedeemChoice): boolean =>
  usePendingRedeems((state) => state.keys[signatureOf(choice)] !== undefined)
