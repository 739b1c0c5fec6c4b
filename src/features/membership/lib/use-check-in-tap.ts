import { useRef } from 'react'
import type { CheckinResult } from '@/contract'
import { createIdempotencyKey, isApiError, isOutcomeUnknown } from '@/lib/http'
import { useCheckIn } from '../api/membership-queries'

/**
 * Today's check-in as one tap, for the home card and the calendar. One Idempotency-Key per intent, reused by every
 * retry while the outcome is unknown (so it can never award twice), a new one after a definite answer; a second tap
 * before the first is answered (it can land before the pending state renders) is ignored.
 */
export function useCheckInTap(onAwarded: (result: CheckinResult) => void) {
  const checkIn = useCheckIn()
  const intentKey = useRef<string | null>(null)
  const isSending = useRef(false)
  const tap = () => {
    if (isSending.current) return
    isSending.current = true
    intentKey.current ??= createIdempotencyKey()
    checkIn.mutate(intentKey.current, {
      onSettled: () => {
        isSending.current = false
      },
      onSuccess: (result) => {
        intentKey.current = null
        onAwarded(result)
      },
      onError: (error) => {
        if (!isOutcomeUnknown(error)) intentKey.current = null
      },
    })
  }
  // Already done today (another device, a double tap): the calendar's refetch shows it; no failure to retry.
  const isFailed = checkIn.isError && !(isApiError(checkIn.error) && checkIn.error.code === 'ALREADY_CHECKED_IN')
  // No answer (timeout, dropped connection, a 5xx on the way): it may have landed, so it is not called a failure.
  const isUnconfirmed = isFailed && isOutcomeUnknown(checkIn.error)
  return { tap, isPending: checkIn.isPending, isFailed, isUnconfirmed, error: checkIn.error }
}
