import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'
import { membershipKeys } from './membership-queries'

// The points page's queries (subpackage).

export const pointsSummaryQuery = () =>
  queryOptions({
    queryKey: [...membershipKeys.all, 'points-summary'],
    queryFn: () => request(endpoints.pointsSummary),
  })

export type LedgerDirection = 'all' | 'earned' | 'spent'

export const pointsLedgerQuery = (direction: LedgerDirection) =>
  infiniteQueryOptions({
    queryKey: [...membershipKeys.all, 'ledger', direction],
    queryFn: ({ pageParam }) =>
      request(endpoints.pointsLedger, {
        query: { direction: direction === 'all' ? undefined : direction, cursor: pageParam ?? undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })
