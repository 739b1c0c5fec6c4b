import { selectIsSignedIn, useSession } from '@/stores/session'

/**
 * `enabled` for the 我的 tab's distribution queries, read at fetch time: signing out refetches every active query
 * before the tab has re-rendered, and a 401 then would send the member from 我的 to sign-in. One function for the
 * tab's parts, imported only by them (so it stays in the tab's own file of the mini-program's main package).
 */
export const isSignedInNow = () => selectIsSignedIn(useSession.getState())
