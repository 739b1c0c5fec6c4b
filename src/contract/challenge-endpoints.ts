// The landed contract through its index (see community.ts).
import { CursorQuery, defineEndpoint } from './index'
import { ChallengeEvent, EventPage } from './challenge'

/**
 * The check-in challenge. Apart from the community's table (./community-endpoints) and the certificates'
 * (./certificate-endpoints): the feed on the 社区 tab pins the current challenge, and the mini-program's main package
 * carries every module a tab imports whole, with every table it uses.
 */
export const challengeEndpoints = {
  events: defineEndpoint({
    method: 'GET',
    path: '/events',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: EventPage,
    status: 200,
  }),
  joinEvent: defineEndpoint({
    method: 'POST',
    path: '/events/{id}/join',
    isPublic: false,
    isIdempotent: true,
    response: ChallengeEvent,
    status: 200,
  }),
} as const
