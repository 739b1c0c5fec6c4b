import type { ReactNode } from 'react'
import { useReachBottom } from '@tarojs/taro'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { ListFooter } from './list-footer'
import { EmptyState } from './page-state'
import { QueryState } from './query-state'

type CursorPage<TItem> = { items: TItem[]; nextCursor: string | null }

type InfiniteListProps<TItem> = {
  query: UseInfiniteQueryResult<InfiniteData<CursorPage<TItem>>>
  emptyTitle: string
  /** Show only the first few and no footer (a preview on another page). */
  limitTo?: number
  /** First-load placeholder in the shape of the items (default: generic rows). */
  skeleton?: ReactNode
  children: (items: TItem[]) => ReactNode
}

/** A cursor-paginated list: first-load skeleton, error with retry, empty, and more on reaching the bottom. */
export function InfiniteList<TItem>({ query, emptyTitle, limitTo, skeleton, children }: InfiniteListProps<TItem>) {
  const isEndless = limitTo === undefined
  useReachBottom(() => {
    if (isEndless && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage()
  })
  return (
    <QueryState
      query={query}
      skeleton={skeleton}
      isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
      empty={<EmptyState title={emptyTitle} />}
    >
      {(data) => (
        <>
          {children(data.pages.flatMap((page) => page.items).slice(0, limitTo))}
          {isEndless ? (
            <ListFooter
              hasNextPage={query.hasNextPage}
              isFetchingNextPage={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
            />
          ) : null}
        </>
      )}
    </QueryState>
  )
}
