import { pendingIntents } from '@/lib/pending-intents'

/** What the member chose in the redeem sheet: the same choices are the same intent (and the same request body). */
export type RedeemChoice = { giftId: string; quantity: number; addressId?: string }

/** Redemptions sent and not answered for sure yet, by gift, quantity and address (see pendingIntents). */
const pendingRedeems = pendingIntents<RedeemChoice>(
  ({ giftId, quantity, addressId }) => `${giftId}:${quantity}:${addressId ?? ''}`,
)

export const redeemKeyFor = pendingRedeems.keyFor
export const settleRedeem = pendingRedeems.settle
export const useIsRedeemPending = pendingRedeems.useIsPending
