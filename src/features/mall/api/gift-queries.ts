import { infiniteQueryOptions } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'

export const giftKeys = { all: ['gifts'] as const }

export type GiftFilter = { category?: string; isAffordableOnly?: boolean }

export const giftsQuery = (filter: GiftFilter = {}) =>
  infiniteQueryOptions({
    queryKey: [...giftKeys.all, 'list', filter],
    queryFn: ({ pageParam }) =>
      request(endpoints.gifts, {
        query: {
          category: filter.category,
          affordable: filter.isAffordableOnly ? 'true' : undefined,
          cursor: pageParam ?? undefined,
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })
