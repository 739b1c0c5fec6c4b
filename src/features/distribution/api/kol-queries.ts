import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CommissionStatus, KolPostSort } from '@/contract/kol'
import { kolEndpoints } from '@/contract/kol-endpoints'
import { request } from '@/lib/http'
import { kolKeys } from './rights-queries'

// The KOL center's queries (its subpackage pages only); the rights, which the 我的 tab shows, are in ./rights-queries.

export const overviewQuery = () =>
  queryOptions({ queryKey: kolKeys.overview, queryFn: () => request(kolEndpoints.distributionOverview) })

/** 我的粉丝, all of them or only those through one post (`postId`, from 笔记带来的粉丝). */
export const fansQuery = (postId?: string) =>
  infiniteQueryOptions({
    queryKey: [...kolKeys.fans, postId ?? 'all'],
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.fans, { query: { postId, cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const arrivalsQuery = (postId?: string) =>
  infiniteQueryOptions({
    queryKey: [...kolKeys.arrivals, postId ?? 'all'],
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.arrivals, { query: { postId, cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

/** The KOL's 分享赚 posts with what each brought (kept here, not in kolKeys: the 我的 tab has no use for the key). */
export const kolPostsQuery = (sort: KolPostSort) =>
  infiniteQueryOptions({
    queryKey: [...kolKeys.all, 'posts', sort],
    queryFn: ({ pageParam }) =>
      request(kolEndpoints.kolPosts, { query: { sort, cursor: pageParam ?? undefined, limit: '10' } }),
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
