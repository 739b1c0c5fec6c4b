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
  gift: '/packages/mall/gift/index',
  redeemResult: '/packages/mall/redeem-result/index',
  addresses: '/packages/mall/addresses/index',
  redemptions: '/packages/mall/redemptions/index',
  redemption: '/packages/mall/redemption/index',
  communityPost: '/packages/community/post/index',
  referralCard: '/packages/distribution/card/index',
} as const

const tabRoutes: readonly string[] = [routes.home, routes.community, routes.mall, routes.me]

/** The page the member is on now, with its query, as a path to come back to. */
export function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1]
  if (!page?.route) return routes.home
  const path = page.route.startsWith('/') ? page.route : `/${page.route}`
  const options = (page as { options?: Record<string, string> }).options ?? {}
  const query = Object.entries(options)
    .filter(([key]) => key !== 'stamp' && key !== '$taroTimestamp')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${path}?${query}` : path
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
