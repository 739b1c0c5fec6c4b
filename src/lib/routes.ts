import Taro from '@tarojs/taro'
import { isSinglePageMode } from './single-page'

export const routes = {
  home: '/pages/home/index',
  community: '/pages/community/index',
  mall: '/pages/mall/index',
  me: '/pages/me/index',
  signIn: '/packages/auth/sign-in/index',
  checkinCalendar: '/packages/membership/checkin-calendar/index',
  points: '/packages/membership/points/index',
  levels: '/packages/membership/levels/index',
  tasks: '/packages/membership/tasks/index',
  profile: '/packages/membership/profile/index',
  gift: '/packages/mall/gift/index',
  redeemResult: '/packages/mall/redeem-result/index',
  addresses: '/packages/mall/addresses/index',
  redemptions: '/packages/mall/redemptions/index',
  redemption: '/packages/mall/redemption/index',
  communityPost: '/packages/community/post/index',
  referralCard: '/packages/distribution/card/index',
} as const

const tabRoutes: readonly string[] = [routes.home, routes.community, routes.mall, routes.me]

/** Query keys Taro's routers add for themselves: never part of where the member is. */
const routerKeys: readonly string[] = ['stamp', '$taroTimestamp']

const withQuery = (path: string, params: readonly (readonly [string, string])[]): string => {
  const query = params
    .filter(([key]) => !routerKeys.includes(key))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** The H5 page in the address bar (hash or browser router), its query parsed; the bare origin is the home page. */
function addressBarRoute(): { path: string; params: URLSearchParams } {
  const { pathname, search, hash } = window.location
  const inHash = hash.startsWith('#/')
  const hashQueryAt = hash.indexOf('?')
  const path = !inHash ? pathname : hashQueryAt < 0 ? hash.slice(1) : hash.slice(1, hashQueryAt)
  const query = !inHash ? search : hashQueryAt < 0 ? '' : hash.slice(hashQueryAt)
  return { path: path === '/' || path === '' ? routes.home : path, params: new URLSearchParams(query) }
}

/**
 * The page the member is on now, with its query, as a path to come back to. On H5 the query comes from the address
 * bar: Taro's H5 router leaves the page's `options` empty, so a gift's `?id=` would be lost (and the page would load
 * without it after sign-in). On the mini-program the page's options are its query.
 */
export function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1]
  const pagePath = page?.route ? (page.route.startsWith('/') ? page.route : `/${page.route}`) : null
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const here = addressBarRoute()
    // Only when the address bar shows this page; otherwise the page's own options, as on the mini-program.
    if (pagePath === null || here.path === pagePath) return withQuery(here.path, Array.from(here.params))
  }
  if (pagePath === null) return routes.home
  const options = (page as { options?: Record<string, string> }).options ?? {}
  return withQuery(pagePath, Object.entries(options))
}

const isSafeReturnPath = (path: string): boolean => path.startsWith('/pages/') || path.startsWith('/packages/')

/** Go to sign-in, remembering where to come back to. Does nothing if already there. */
export function goToSignIn(returnTo: string = currentRoute()): void {
  // Opened from Moments there is no login: the page says how to open the full app instead.
  if (returnTo.startsWith(routes.signIn) || isSinglePageMode()) return
  void Taro.navigateTo({ url: `${routes.signIn}?returnTo=${encodeURIComponent(returnTo)}` })
}

/** After sign-in: back to where the member was (a tab needs switchTab), or home. */
export function returnAfterSignIn(returnTo: string | undefined): void {
  const target = returnTo && isSafeReturnPath(returnTo) && !returnTo.startsWith(routes.signIn) ? returnTo : routes.home
  const path = target.split('?')[0] ?? routes.home
  if (tabRoutes.includes(path)) {
    void Taro.switchTab({ url: path })
    return
  }
  void Taro.redirectTo({ url: target })
}
