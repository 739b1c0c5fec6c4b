/** The wallet page (membership subpackage); the 我的 tab's entry names it in its own small table. */
export const couponRoutes = {
  wallet: '/packages/membership/coupons/index',
} as const
