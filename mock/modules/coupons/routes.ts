import { allEndpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import { claimMonthlyCoupon, monthlyCouponOf, walletOf } from './service'

export const registerCouponRoutes = ({ register }: AppRouter): void => {
  register(allEndpoints.coupons, ({ member, ...ctx }) => walletOf(ctx, member.id))
  register(allEndpoints.monthlyCoupon, ({ member, ...ctx }) => monthlyCouponOf(ctx, member))
  register(allEndpoints.claimMonthlyCoupon, ({ member, ...ctx }) => claimMonthlyCoupon(ctx, member))
}
