/**
 * The KOL center's, the orders' and the plans' subpackage pages. Apart from `@/lib/routes`, which every page
 * loads: these are imported only where they are used (the 我的 tab's entry imports this small table only).
 */
export const kolRoutes = {
  center: '/packages/distribution/center/index',
  fans: '/packages/distribution/fans/index',
  commissions: '/packages/distribution/commissions/index',
  withdrawals: '/packages/distribution/withdrawals/index',
  /** Built in the card's own branch (poster, QR, saving, sharing). */
  card: '/packages/distribution/card/index',
  products: '/packages/orders/products/index',
  product: '/packages/orders/product/index',
  orders: '/packages/orders/orders/index',
  plans: '/packages/membership/plans/index',
} as const

/** Which build is asking: the server answers the rights and the plans for it (never paid entry on weapp). */
export const CURRENT_CLIENT: 'weapp' | 'h5' = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'
