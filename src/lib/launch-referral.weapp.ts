import Taro, { useLaunch } from '@tarojs/taro'
import { useReferral } from '@/stores/referral'
import { processMemory, reportArrival } from './arrival-report'
import { findReferralCode, findReferralPostId, findReferralSource } from './referral'

type EntryOptions = { query?: Record<string, unknown> } | undefined

/** Arrivals reported while this mini-program process lives (see ArrivalMemory). */
const reported = processMemory()

const reportEntry = (options: EntryOptions) => void reportArrival(options?.query, { memory: reported })

// The app comes to the foreground: at launch, and again when it comes back from the background, possibly through
// another share or mini-program code, each time with that entry's query. Taro's useDidShow does not reach the App
// component (its app hooks answer to onShow, useDidShow registers componentDidShow), so WeChat's own listener.
Taro.onAppShow?.(reportEntry)

/**
 * weapp: the launch options' query, where a mini-program code puts `scene=r%3DCODE` and a shared
 * path puts `ref=CODE`. A visitor's code binds like a link does (first touch wins, sent at sign-in); the first page
 * also captures its own query, this covers a launch whose page does not carry it. A signed-in member's arrival is
 * reported at once (the launch and onAppShow both see it; reported once per opening).
 */
export function useLaunchReferral(): void {
  useLaunch((options: EntryOptions) => {
    const query = options?.query
    useReferral.getState().captured(findReferralCode(query), findReferralSource(query), findReferralPostId(query))
    reportEntry(options)
  })
}
