import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'

export const postKeys = { all: ['posts'] as const }

export type PostSection = 'recommend' | 'hot' | 'earn'

export const postsQuery = (section: PostSection, topic?: string) =>
  infiniteQueryOptions({
    queryKey: [...postKeys.all, 'list', section, ...(topic === undefined ? [] : [topic])],
    queryFn: ({ pageParam }) => request(endpoints.posts, { query: { section, topic, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

export const topicsQuery = () =>
  queryOptions({
    queryKey: [...postKeys.all, 'topics'],
    queryFn: () => request(endpoints.topics),
    staleTime: 5 * 60 * 1000,
  })
