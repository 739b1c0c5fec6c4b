import type { ReactNode } from 'react'
import type { UseQueryResult } from '@tanstack/react-query'
import { ErrorState, Skeleton } from './page-state'

type QueryStateProps<T> = {
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
  skeleton?: ReactNode
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
}

/** Loading, error (with retry), empty and data for one query, the same way on every screen. */
export function QueryState<T>({ query, children, skeleton, isEmpty, empty }: QueryStateProps<T>) {
  // Data on screen wins over a failed background refresh (that one is toasted by the query client).
  if (query.data !== undefined) {
    if (isEmpty?.(query.data)) return <>{empty ?? null}</>
    return <>{children(query.data)}</>
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return <>{skeleton ?? <Skeleton />}</>
}
