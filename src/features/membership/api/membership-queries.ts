import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { endpoints, type CheckinResult, type Member } from '@/contract'
import { request } from '@/lib/http'
import { meQuery } from '@/features/account/api/account-queries'

// What the tabs use (the home page's check-in card and level-up celebration, the feed's task report) and what every
// points move refreshes. The subpages' own queries are in ./points-queries, ./birthday-queries and ./calendar-queries:
// the mini-program's main package carries every module a tab imports whole.

export const membershipKeys = {
  all: ['membership'] as const,
  calendars: () => [...membershipKeys.all, 'calendar'] as const,
}

export const checkinCalendarQuery = (month?: string) =>
  queryOptions({
    queryKey: [...membershipKeys.calendars(), month ?? 'current'],
    queryFn: () => request(endpoints.checkinCalendar, { query: { month } }),
  })

export const tasksQuery = () =>
  queryOptions({ queryKey: [...membershipKeys.all, 'tasks'], queryFn: () => request(endpoints.tasks) })

export const levelsQuery = () =>
  queryOptions({ queryKey: [...membershipKeys.all, 'levels'], queryFn: () => request(endpoints.levels) })

/** Anything that moves points or growth changes all of these: refetch them together. */
export function invalidateMembership(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: membershipKeys.all }),
    queryClient.invalidateQueries({ queryKey: meQuery().queryKey }),
  ]).then(() => undefined)
}

/**
 * Check in for today. One key per intent: a retry after a failure reuses it, so a bad network
 * never awards twice; the server also refuses a second check-in that day whatever the key.
 */
export function useCheckIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (idempotencyKey: string) => request(endpoints.checkIn, { idempotencyKey }),
    onSuccess: (result: CheckinResult) => {
      // The balance on screen moves at once; the refetch below confirms it.
      queryClient.setQueryData<Member>(meQuery().queryKey, (member) =>
        member ? { ...member, pointsBalance: result.pointsBalance, growth: result.growth, levelCode: result.levelCode } : member,
      )
    },
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}

export function useCompleteTask() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ taskId, idempotencyKey }: { taskId: string; idempotencyKey: string }) =>
      request(endpoints.completeTask, { params: { id: taskId }, idempotencyKey }),
    onSettled: () => invalidateMembership(queryClient),
  })
}

export function useLevelCelebrated() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (levelCode: Member['levelCode']) => request(endpoints.levelCelebrated, { body: { levelCode } }),
    onSuccess: (overview) => queryClient.setQueryData(levelsQuery().queryKey, overview),
    // Failing to record it only means the party may show once more: nothing to tell the member.
    meta: { isErrorShownInPlace: true },
  })
}
