import { distributionEndpoints } from '@/contract/distribution-endpoints'
import type { BindingSource } from '@/contract'
import type { ArrivalResult } from '@/contract/distribution'
import { createIdempotencyKey, isApiError, request } from '@/lib/http'
import { useSession } from '@/stores/session'
import { findReferralCode, findReferralPostId, findReferralSource } from './referral'

/**
 * Which arrivals this opening has already reported. On the mini-program, the process's memory: `onShow` hands the
 * entry's query again when the app comes back from the background, and that is the same arrival. On H5, the tab's
 * sessionStorage: a reload of the page is the same opening, a new tab with the link is a new one.
 */
export type ArrivalMemory = { has: (key: string) => boolean; add: (key: string) => void }

export function processMemory(): ArrivalMemory {
  const keys = new Set<string>()
  return { has: (key) => keys.has(key), add: (key) => void keys.add(key) }
}

const TAB_MEMORY_KEY = 'fanloop.arrivals'

export function tabMemory(): ArrivalMemory {
  const read = (): string[] => {
    try {
      const value: unknown = JSON.parse(window.sessionStorage.getItem(TAB_MEMORY_KEY) ?? '[]')
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
    } catch {
      return []
    }
  }
  return {
    has: (key) => read().includes(key),
    add: (key) => {
      try {
        window.sessionStorage.setItem(TAB_MEMORY_KEY, JSON.stringify([...read(), key]))
      } catch {
        // No sessionStorage (private mode quota): a reload may report once more, which the server only records.
      }
    },
  }
}

export type ReportOptions = {
  memory: ArrivalMemory
  /** Tries in all when the request may not have reached the server (network, timeout, 5xx, 429). */
  attempts?: number
  retryDelayMs?: number
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A signed-in member opened the app through a referral (an H5 link `?ref=`, a shared page, a post's link with
 * `postId`, a mini-program share path or a mini-program code's `scene`): the server binds them if this is their
 * first touch, or records for the distributor why not (POST /distribution/arrivals). A visitor's code waits for the
 * sign-in instead (stores/referral). Reported once per opening with one Idempotency-Key, so a retry after a lost
 * answer records nothing twice; never throws and never shows anything: the member did not ask for it.
 */
export function reportArrival(
  query: Record<string, unknown> | undefined | null,
  { memory, attempts = 3, retryDelayMs = 1500 }: ReportOptions,
): Promise<ArrivalResult | null> {
  const code = findReferralCode(query)
  if (code === null) return Promise.resolve(null)
  const source = findReferralSource(query)
  const postId = source === 'post' ? findReferralPostId(query) : undefined
  const key = `${code}|${source}|${postId ?? ''}`
  if (memory.has(key)) return Promise.resolve(null)
  memory.add(key)
  // A visitor's code goes with their sign-in: this opening is accounted for, even if the app shows this entry again
  // (back from the background) after they signed in.
  if (useSession.getState().token === null) return Promise.resolve(null)
  return sendArrival({ code, source, ...(postId === undefined ? {} : { postId }) }, { attempts, retryDelayMs })
}

/** One arrival, with one Idempotency-Key across its retries; null when it could not be recorded. */
export async function sendArrival(
  body: { code: string; source: BindingSource; postId?: string },
  { attempts = 3, retryDelayMs = 1500 }: Omit<ReportOptions, 'memory'> = {},
): Promise<ArrivalResult | null> {
  const idempotencyKey = createIdempotencyKey()
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request(distributionEndpoints.recordArrival, { body, idempotencyKey })
    } catch (error) {
      if (!isApiError(error) || !error.isTransient || attempt >= attempts) return null
      await wait(retryDelayMs * attempt)
    }
  }
}
