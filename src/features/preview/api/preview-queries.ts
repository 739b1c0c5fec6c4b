import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { mockEndpoints } from '@/contract/mock-tools'
import { createIdempotencyKey, request } from '@/lib/http'
import { useSession } from '@/stores/session'

// The preview console's calls to the mock's operator tools (/__mock). Every change it makes is the server's:
// the app is then refreshed from the server, so what an operator sees is what that member would see.

export const previewKeys = { all: ['preview'] as const }

export const mockClockQuery = () =>
  queryOptions({ queryKey: [...previewKeys.all, 'clock'], queryFn: () => request(mockEndpoints.mockClock) })

export const personasQuery = () =>
  queryOptions({
    queryKey: [...previewKeys.all, 'personas'],
    queryFn: () => request(mockEndpoints.mockPersonas),
    staleTime: Infinity,
  })

export const configFindingsQuery = () =>
  queryOptions({
    queryKey: [...previewKeys.all, 'config-check'],
    queryFn: () => request(mockEndpoints.mockConfigCheck),
    staleTime: Infinity,
  })

/** A page of the review queue: a console panel, read and decided a few at a time. */
export const REVIEWS_PAGE_SIZE = 10

/** Hidden posts and comments waiting for the operator, newest first, a page at a time (the console loads more). */
export const reviewsQuery = () =>
  infiniteQueryOptions({
    queryKey: [...previewKeys.all, 'reviews'],
    queryFn: ({ pageParam }) =>
      request(mockEndpoints.mockReviews, {
        query: { cursor: pageParam ?? undefined, limit: String(REVIEWS_PAGE_SIZE) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

/** The console's actions; each ends by refreshing every query, so every page on screen shows the new state. */
export type PreviewAction =
  | { kind: 'persona'; id: string }
  | { kind: 'visitor' }
  | { kind: 'clock'; advanceHours?: number; advanceDays?: number; set?: string }
  | { kind: 'reset' }
  | { kind: 'grant'; points?: number; growth?: number }
  | { kind: 'gift-stock'; giftId: string; stock: number }
  | { kind: 'review'; target: 'post' | 'comment'; id: string; decision: 'restore' }
  | { kind: 'review'; target: 'post' | 'comment'; id: string; decision: 'remove'; reason: string }

const perform = async (action: PreviewAction): Promise<void> => {
  const session = useSession.getState()
  switch (action.kind) {
    case 'persona': {
      const signedIn = await request(mockEndpoints.mockPersona, { body: { id: action.id } })
      session.signedIn(signedIn.token)
      return
    }
    case 'visitor':
      session.signedOut()
      return
    case 'clock': {
      const { kind: _kind, ...change } = action
      await request(mockEndpoints.mockSetClock, { body: change })
      return
    }
    case 'reset':
      await request(mockEndpoints.mockReset)
      // Every session ended with the old data.
      session.signedOut()
      return
    case 'grant':
      await request(mockEndpoints.mockGrant, {
        body: { points: action.points, growth: action.growth, reason: '预览控制台发放' },
        idempotencyKey: createIdempotencyKey(),
      })
      return
    case 'gift-stock':
      await request(mockEndpoints.mockSetGiftStock, { params: { id: action.giftId }, body: { stock: action.stock } })
      return
    case 'review':
      await request(mockEndpoints.mockDecideReview, {
        params: { id: action.id },
        body:
          action.decision === 'restore'
            ? { kind: action.target, decision: 'restore' }
            : { kind: action.target, decision: 'remove', reason: action.reason },
      })
      return
  }
}

export function usePreviewAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: perform,
    // A new member or a new day: cached answers of the one before must not show for a moment, so they are
    // reset (refetched if on screen, dropped if not), not merely marked stale.
    onSuccess: () => queryClient.resetQueries(),
  })
}
