import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'

// What the 商城 and home tabs list: the gifts and their categories (the mini-program's main package carries every module a
// tab imports whole, so the subpages' queries are in ./mall-queries).

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

export const giftCategoriesQuery = () =>
  queryOptions({
    queryKey: [...giftKeys.all, 'categories'],
    queryFn: () => request(endpoints.giftCategories),
    staleTime: 10 * 60 * 1000,
  })
