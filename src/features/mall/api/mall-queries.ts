import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { mallEndpoints } from '@/contract/mall-endpoints'
import type { AddressInput, RedemptionStatus } from '@/contract/mall'
import { isOutcomeUnknown, request } from '@/lib/http'
import { invalidateMembership } from '@/features/membership/api/membership-queries'
import { settleRedeem } from '../lib/redeem-intents'
import { giftKeys } from './gift-queries'

export const mallKeys = {
  addresses: ['addresses'] as const,
  redemptions: ['redemptions'] as const,
}

export const giftQuery = (giftId: string) =>
  queryOptions({ queryKey: [...giftKeys.all, 'detail', giftId], queryFn: () => request(mallEndpoints.gift, { params: { id: giftId } }) })

export const addressesQuery = () =>
  queryOptions({ queryKey: [...mallKeys.addresses], queryFn: () => request(mallEndpoints.addresses) })

export const redemptionsQuery = (status?: RedemptionStatus) =>
  infiniteQueryOptions({
    queryKey: [...mallKeys.redemptions, 'list', status ?? 'all'],
    queryFn: ({ pageParam }) => request(mallEndpoints.redemptions, { query: { status, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const redemptionQuery = (redemptionId: string) =>
  queryOptions({
    queryKey: [...mallKeys.redemptions, 'detail', redemptionId],
    queryFn: () => request(mallEndpoints.redemption, { params: { id: redemptionId } }),
  })

export type RedeemVariables = { giftId: string; quantity: number; addressId?: string; idempotencyKey: string }

/** Points, stock and redemptions all move together: refresh them together. */
function useAfterPointsMoved() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      invalidateMembership(queryClient),
      queryClient.invalidateQueries({ queryKey: giftKeys.all }),
      queryClient.invalidateQueries({ queryKey: mallKeys.redemptions }),
    ])
}

/**
 * One key per intent (redeemKeyFor); a retry of that intent reuses it, so it never redeems twice. The key is
 * forgotten here on a definite answer, even when the sheet was closed before it came.
 */
export function useRedeem() {
  const afterPointsMoved = useAfterPointsMoved()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: RedeemVariables) => request(mallEndpoints.redeem, { body, idempotencyKey }),
    onSuccess: (_redemption, { idempotencyKey, ...choice }) => settleRedeem(choice, idempotencyKey),
    onError: (error, { idempotencyKey, ...choice }) => {
      if (!isOutcomeUnknown(error)) settleRedeem(choice, idempotencyKey)
    },
    onSettled: afterPointsMoved,
    meta: { isErrorShownInPlace: true },
  })
}

export function useCancelRedemption() {
  const afterPointsMoved = useAfterPointsMoved()
  return useMutation({
    mutationFn: ({ redemptionId, idempotencyKey }: { redemptionId: string; idempotencyKey: string }) =>
      request(mallEndpoints.cancelRedemption, { params: { id: redemptionId }, idempotencyKey }),
    onSettled: afterPointsMoved,
    meta: { isErrorShownInPlace: true },
  })
}

export function useCreateAddress() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AddressInput) => request(mallEndpoints.createAddress, { body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mallKeys.addresses }),
    meta: { isErrorShownInPlace: true },
  })
}

export function useUpdateAddress() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ addressId, patch }: { addressId: string; patch: Partial<AddressInput> }) =>
      request(mallEndpoints.updateAddress, { params: { id: addressId }, body: patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mallKeys.addresses }),
    meta: { isErrorShownInPlace: true },
  })
}

export function useDeleteAddress() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (addressId: string) => request(mallEndpoints.deleteAddress, { params: { id: addressId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mallKeys.addresses }),
  })
}
