import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplyRequest, CommissionStatus } from '@/contract/distribution'
import { distributionEndpoints } from '@/contract/distribution-endpoints'
import { request } from '@/lib/http'
import { CURRENT_CLIENT } from '../lib/kol-routes'

export const kolKeys = {
  all: ['distribution'] as const,
  status: ['distribution', 'status'] as const,
  overview: ['distribution', 'overview'] as const,
  fans: ['distribution', 'fans'] as const,
  arrivals: ['distribution', 'arrivals'] as const,
  commissions: ['distribution', 'commissions'] as const,
  withdrawals: ['distribution', 'withdrawals'] as const,
}

/** Whether I can distribute, and each way to the right with its live progress (for this build). */
export const distributionStatusQuery = () =>
  queryOptions({
    queryKey: kolKeys.status,
    queryFn: () => request(distributionEndpoints.distributionStatus, { query: { client: CURRENT_CLIENT } }),
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

export const overviewQuery = () =>
  queryOptions({ queryKey: kolKeys.overview, queryFn: () => request(distributionEndpoints.distributionOverview) })

export const fansQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.fans,
    queryFn: ({ pageParam }) =>
      request(distributionEndpoints.fans, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const arrivalsQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.arrivals,
    queryFn: ({ pageParam }) =>
      request(distributionEndpoints.arrivals, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const withdrawalsQuery = () =>
  infiniteQueryOptions({
    queryKey: kolKeys.withdrawals,
    queryFn: ({ pageParam }) =>
      request(distributionEndpoints.withdrawals, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const commissionsQuery = (status?: CommissionStatus) =>
  infiniteQueryOptions({
    queryKey: [...kolKeys.commissions, status ?? 'all'],
    queryFn: ({ pageParam }) =>
      request(distributionEndpoints.commissions, { query: { status, cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export function useRequestWithdrawal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ amountFen, idempotencyKey }: { amountFen: number; idempotencyKey: string }) =>
      request(distributionEndpoints.requestWithdrawal, { body: { amountFen }, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: kolKeys.withdrawals }),
        queryClient.invalidateQueries({ queryKey: kolKeys.overview }),
      ]),
  })
}
