import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'
import { useSession } from '@/stores/session'

export const accountKeys = { all: ['account'] as const }

export const meQuery = () =>
  queryOptions({
    queryKey: [...accountKeys.all, 'me'],
    queryFn: () => request(endpoints.me),
  })

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => request(endpoints.signOut),
    // Sign out locally even when the server can't be reached: the device must forget the token.
    onSettled: () => {
      useSession.getState().signedOut()
      queryClient.removeQueries({ queryKey: accountKeys.all })
      void queryClient.invalidateQueries()
    },
    meta: { isErrorShownInPlace: true },
  })
}
