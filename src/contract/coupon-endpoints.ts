// The landed contract through its index (see distribution.ts).
import { CouponList, MonthlyCoupon } from './coupons'
import { defineEndpoint } from './index'

/** The coupon wallet and the level's monthly coupon: only their subpackage pages load this table. */
export const couponEndpoints = {
  coupons: defineEndpoint({
    method: 'GET',
    path: '/coupons',
    isPublic: false,
    isIdempotent: false,
    response: CouponList,
    status: 200,
  }),
  monthlyCoupon: defineEndpoint({
    method: 'GET',
    path: '/coupons/monthly',
    isPublic: false,
    isIdempotent: false,
    response: MonthlyCoupon,
    status: 200,
  }),
  claimMonthlyCoupon: defineEndpoint({
    method: 'POST',
    path: '/coupons/monthly/claim',
    isPublic: false,
    isIdempotent: true,
    response: MonthlyCoupon,
    status: 200,
  }),
} as const
