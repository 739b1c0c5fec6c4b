import { useMutation, useQueryClient } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'
import { invalidateMembership } from '@/features/membership/api/membership-queries'
import { meQuery } from './account-queries'

// The profile page's write (subpackage): apart from account-queries, which the tabs load.

export function useUpdateNickname() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (nickname: string) => request(endpoints.updateMe, { body: { nickname } }),
    onSuccess: (member) => queryClient.setQueryData(meQuery().queryKey, member),
    // A first nickname may complete the profile task, which pays points and growth: the server has settled it.
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}
