import type { CapturedReferral } from '@/stores/referral'
import { sendArrival } from './arrival-report'

/**
 * Right after a sign-in: the other codes the visitor arrived with before it (stores/referral), in order. The code
 * the sign-in carried may have bound nobody (no longer a distributor's), and then the first of these that is valid
 * binds; the others are recorded for their KOLs (already bound). Never throws, shows nothing. Its own module, used
 * by the sign-in page only, so it ships in that subpackage and not in the mini-program's main package.
 */
export function reportLaterReferrals(codes: readonly CapturedReferral[]): Promise<void> {
  // One after another: which one binds must not depend on which request the server sees first. A promise chain
  // rather than an async loop, which the mini-program's ES5 build turns into a generator and an iterator helper.
  return codes
    .reduce<Promise<unknown>>(
      (previous, { code, source, postId }) =>
        previous.then(() => sendArrival({ code, source, ...(postId ? { postId } : {}) })),
      Promise.resolve(),
    )
    .then(() => undefined)
}
