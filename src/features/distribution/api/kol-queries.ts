import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CommissionStatus } from '@/contract/kol'
import { kolEndpoints } from '@/contract/kol-endpoints'
import { request } from '@/lib/http'
import { kolKeys } from './rights-queries'

// The KOL center's queries (its subpackage pages only); the rights, which the 我的 tab shows, are in ./rights-queries.

export const overviewQuery = () =>
  queryOptions({ queryKey: kolKeys.overview, queryFn: () => request(kolEndpoints.distributionOverview) })

export const fansQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.fans,
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.fans, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const arrivalsQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.arrivals,
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.arrivals, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const withdrawalsQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.withdrawals,
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.withdrawals, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const commissionsQuery = (status?: CommissionStatus) =>
  infiniteQueryOptions({
    queryKey: [...kolKeys.commissions, status ?? 'all'],
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.commissions, { query: { status, cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export function useRequestWithdrawal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ amountFen, idempotencyKey }: { amountFen: number; idempotencyKey: string }) =>
      request(kolEndpoints.requestWithdrawal, { body: { amountFen }, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: kolKeys.withdrawals }),
        queryClient.invalidateQueries({ queryKey: kolKeys.overview }),
      ]),
  })
}

/** The distributor's card: code, share path, the mini-program code's image, who they are and their KOL level. */
export const referralCardQuery = () =>
  queryOptions({ queryKey: kolKeys.card, queryFn: () => request(kolEndpoints.referralCard) })
