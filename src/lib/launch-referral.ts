import { useEffect } from 'react'
import { useSession } from '@/stores/session'
import { findReferralCode, parseSearch } from './referral'

/**
 * H5: every page captures a visitor's `?ref=` from the URL itself (PageShell), sent at sign-in. A member already
 * signed in who opens a link with a code has it reported now: once, from the URL the app was opened with (later
 * in-app navigations are not arrivals). The report's code loads only then, out of the first screen's bundle.
 */
export function useLaunchReferral(): void {
  useEffect(() => {
    const query = parseSearch(window.location.search)
    if (findReferralCode(query) === null || useSession.getState().token === null) return
    void import('./arrival-report').then(({ reportArrival, tabMemory }) => reportArrival(query, { memory: tabMemory() }))
  }, [])
}
