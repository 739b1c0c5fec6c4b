import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'
import { meQuery } from '@/features/account/api/account-queries'
import { invalidateMembership, membershipKeys } from './membership-queries'

// The birthday gift (the levels page's card, subpackage).

export const birthdayGiftQuery = () =>
  queryOptions({ queryKey: [...membershipKeys.all, 'birthday-gift'], queryFn: () => request(endpoints.birthdayGift) })

export function useClaimBirthdayGift() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (idempotencyKey: string) => request(endpoints.claimBirthdayGift, { idempotencyKey }),
    onSuccess: (gift) => queryClient.setQueryData(birthdayGiftQuery().queryKey, gift),
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}

export function useSetBirthday() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (birthday: string) => request(endpoints.updateMe, { body: { birthday } }),
    onSuccess: (member) => queryClient.setQueryData(meQuery().queryKey, member),
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}
