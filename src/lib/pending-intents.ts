import { create } from 'zustand'
import { createIdempotencyKey } from './http'

/**
 * The Idempotency-Key of each write sent and not answered for sure yet (a timeout, a dropped connection, a 5xx:
 * isOutcomeUnknown), by what it asks (`signatureOf`: the same choices are the same intent and the same body). It
 * outlives the screen that sent it: asking the same again, even after leaving and coming back, replays the first
 * write instead of making a second. A definite answer (success or refusal) forgets it, so the next one is a new
 * intent. Memory only: it lasts as long as the app runs.
 */
export function pendingIntents<T>(signatureOf: (intent: T) => string) {
  const usePending = create<{ keys: Record<string, string> }>()(() => ({ keys: {} }))
  return {
    /** The key to send this intent with: the one still waiting for an answer, or a new one kept until there is one. */
    keyFor(intent: T): string {
      const signature = signatureOf(intent)
      const kept = usePending.getState().keys[signature]
      if (kept) return kept
      const key = createIdempotencyKey()
      usePending.setState((state) => ({ keys: { ...state.keys, [signature]: key } }))
      return key
    },
    /** A definite answer came for the write sent with `key`: the same intent is a new one from now on. */
    settle(intent: T, key: string): void {
      const signature = signatureOf(intent)
      if (usePending.getState().keys[signature] !== key) return
      usePending.setState((state) => {
        const { [signature]: _settled, ...keys } = state.keys
        return { keys }
      })
    },
    /** Whether this intent was sent and its outcome is not known yet. */
    isPending: (intent: T): boolean => usePending.getState().keys[signatureOf(intent)] !== undefined,
    /** The same, re-rendering when it changes. */
    useIsPending: (intent: T): boolean => usePending((state) => state.keys[signatureOf(intent)] !== undefined),
  }
}
