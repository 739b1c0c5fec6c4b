/**
 * Where a member's referral code travels (domain rules: share path `/pages/home/index?ref=CODE`,
 * mini-program code scene `r=CODE`). Kept tiny: the weapp home page imports it for its share payload.
 */

/** `path` with `ref=CODE` added (the code replaces any ref already there); no code, no change. */
export function withReferral(path: string, code: string | null | undefined): string {
  if (!code) return path
  const [base = path, query = ''] = path.split('?')
  const pairs = query.split('&').filter((pair) => pair && !pair.startsWith('ref='))
  pairs.push(`ref=${encodeURIComponent(code)}`)
  return `${base}?${pairs.join('&')}`
}

/** The query part alone, for `useShareTimeline` (Moments takes the current page and a query). */
export function referralQuery(query: string, code: string | null | undefined): string {
  return withReferral(`?${query}`, code).slice(1).replace(/^&/, '')
}
