import { configure } from '@testing-library/react'
import { useLocale } from '@/lib/i18n'
import { useReferral } from '@/stores/referral'
import { useSession } from '@/stores/session'

// A screen waits on a real (in-process) server: the first request of a file seeds a fresh schema, which takes a
// second or more while other test steps share the cores. findBy*/waitFor wait up to 5 s for it instead of 1 s;
// a screen that never shows still fails.
configure({ asyncUtilTimeout: 5_000 })
// For the same reason a whole test gets 15 s before jest calls it hung (its default is 5 s): a guard against hangs,
// not a speed limit; component tests that take 2 s alone were measured past 5 s in a busy `npm test`.
jest.setTimeout(15_000)

// Each test starts signed out, in Chinese, with nothing stored (zustand's testing guide: reset
// every store). The stores persist to localStorage (Taro's H5 storage), which is cleared too.
const initialStates = [
  [useSession, useSession.getState()],
  [useReferral, useReferral.getState()],
  [useLocale, useLocale.getState()],
] as const

beforeEach(() => {
  window.localStorage.clear()
  for (const [store, state] of initialStates) (store.setState as (next: unknown, replace: true) => void)(state, true)
})

// jsdom has no IntersectionObserver; Taro's H5 <Image lazyLoad> needs one to exist. Nothing
// scrolls in jsdom, so it simply never reports.
if (!('IntersectionObserver' in window)) {
  class IntersectionObserverStandIn {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): [] {
      return []
    }
  }
  Object.assign(window, { IntersectionObserver: IntersectionObserverStandIn })
}
