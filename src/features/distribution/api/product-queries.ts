import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { distributionEndpoints } from '@/contract/distribution-endpoints'
import { request } from '@/lib/http'

// The products, which a feed card on the 社区 tab shows (its post's product). Apart from the orders' queries
// (./order-queries): the mini-program's main package carries every module a tab imports whole.

export const productKeys = {
  all: ['products'] as const,
  product: (id: string) => ['products', id] as const,
}

export const productsQuery = () =>
  infiniteQueryOptions({
    queryKey: productKeys.all,
    queryFn: ({ pageParam }) =>
      request(distributionEndpoints.products, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const productQuery = (id: string) =>
  queryOptions({
    queryKey: productKeys.product(id),
    queryFn: () => request(distributionEndpoints.product, { params: { id } }),
    retry: false,
  })
