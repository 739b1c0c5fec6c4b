import { useMutation, useQueryClient } from '@tanstack/react-query'
import { endpoints } from '@/contract'
import { request } from '@/lib/http'
import { invalidateMembership } from './membership-queries'

// The check-in calendar page's make-up check-in (subpackage); the calendar itself is in ./membership-queries, where
// the home page's check-in card reads it.

export function useMakeUpCheckin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ date, idempotencyKey }: { date: string; idempotencyKey: string }) =>
      request(endpoints.makeUpCheckin, { body: { date }, idempotencyKey }),
    onSettled: () => invalidateMembership(queryClient),
    meta: { isErrorShownInPlace: true },
  })
}
