import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplyRequest } from '@/contract/distribution'
import { distributionEndpoints } from '@/contract/distribution-endpoints'
import { request } from '@/lib/http'
import { CURRENT_CLIENT } from '../lib/kol-routes'

// The distribution rights, which the 我的 tab shows (RightsCard). Apart from the KOL center's queries (./kol-queries):
// the mini-program's main package carries every module a tab imports whole, with every contract table it uses.

/** Every distribution query's key, here where the tab's status query is (the KOL center's queries use them too). */
export const kolKeys = {
  all: ['distribution'] as const,
  status: ['distribution', 'status'] as const,
  card: ['distribution', 'card'] as const,
  overview: ['distribution', 'overview'] as const,
  fans: ['distribution', 'fans'] as const,
  arrivals: ['distribution', 'arrivals'] as const,
  commissions: ['distribution', 'commissions'] as const,
  withdrawals: ['distribution', 'withdrawals'] as const,
}

/**
 * Whether I can distribute, and each way to the right with its live progress (for this build); `hasEarnings` for a
 * former distributor whose commission and withdrawals stay theirs. `enabled`: the 我的 tab passes isSignedInNow
 * (../lib/signed-in-now).
 */
export const distributionStatusQuery = (enabled?: () => boolean) =>
  queryOptions({
    queryKey: kolKeys.status,
    queryFn: () => request(distributionEndpoints.distributionStatus, { query: { client: CURRENT_CLIENT } }),
    enabled,
  })

export function useApplyForDistribution() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ApplyRequest) =>
      request(distributionEndpoints.applyForDistribution, { query: { client: CURRENT_CLIENT }, body }),
    onSuccess: (status) => queryClient.setQueryData(kolKeys.status, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: kolKeys.all }),
  })
}
