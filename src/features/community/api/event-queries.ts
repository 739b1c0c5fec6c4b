import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { ChallengeEvent } from '@/contract/community'
import { communityEndpoints } from '@/contract/community-endpoints'
import { request } from '@/lib/http'

export const eventKeys = {
  events: ['events'] as const,
  certificates: ['certificates'] as const,
  certificate: (code: string) => ['certificates', 'verify', code] as const,
}

/** The challenges, newest first; a visitor sees them without progress. */
export const eventsQuery = (isSignedIn: boolean) =>
  queryOptions({
    queryKey: [...eventKeys.events, isSignedIn ? 'member' : 'visitor'],
    queryFn: () => request(communityEndpoints.events, { query: { limit: '10' } }),
  })

/** The challenge to show now: the one running this week, else the next to start, else the latest. */
export function currentChallenge(events: readonly ChallengeEvent[]): ChallengeEvent | null {
  return (
    events.find((event) => event.status === 'running') ??
    [...events].reverse().find((event) => event.status === 'upcoming') ??
    events[0] ??
    null
  )
}

export function useJoinEvent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ eventId, idempotencyKey }: { eventId: string; idempotencyKey: string }) =>
      request(communityEndpoints.joinEvent, { params: { id: eventId }, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.events }),
        queryClient.invalidateQueries({ queryKey: eventKeys.certificates }),
      ]),
  })
}

export const certificatesQuery = () =>
  queryOptions({
    queryKey: [...eventKeys.certificates, 'mine'],
    queryFn: () => request(communityEndpoints.certificates, { query: { limit: '50' } }),
  })

/** Public: checks a code with the server (what a certificate says is only as good as this answer). */
export const certificateQuery = (code: string) =>
  queryOptions({
    queryKey: eventKeys.certificate(code),
    queryFn: () => request(communityEndpoints.certificate, { params: { code } }),
    retry: false,
  })
