import { queryOptions } from '@tanstack/react-query'
import type { ChallengeEvent } from '@/contract/challenge'
import { challengeEndpoints } from '@/contract/challenge-endpoints'
import { request } from '@/lib/http'

// What the feed's pinned card reads (the 社区 tab, so the mini-program's main package); joining and the certificates
// are in ./challenge-queries, for the pages behind it.

export const eventKeys = {
  events: ['events'] as const,
  certificates: ['certificates'] as const,
  certificate: (code: string) => ['certificates', 'verify', code] as const,
}

/** The challenges, newest first; a visitor sees them without progress. */
export const eventsQuery = (isSignedIn: boolean) =>
  queryOptions({
    queryKey: [...eventKeys.events, isSignedIn ? 'member' : 'visitor'],
    queryFn: () => request(challengeEndpoints.events, { query: { limit: '10' } }),
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
