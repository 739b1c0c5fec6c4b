import { infiniteQueryOptions } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'

export const postKeys = { all: ['posts'] as const }

export type PostSection = 'recommend' | 'hot' | 'earn'

export const postsQuery = (section: PostSection) =>
  infiniteQueryOptions({
    queryKey: [...postKeys.all, 'list', section],
    queryFn: ({ pageParam }) => request(endpoints.posts, { query: { section, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })
