import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { couponEndpoints } from '@/contract/coupon-endpoints'
import { request } from '@/lib/http'

// The coupon wallet and the level's monthly coupon (subpackage pages only). Orders and plans invalidate
// `couponKeys.all` too: spending, a refund and a plan's new month change the wallet.

export const couponKeys = {
  all: ['coupons'] as const,
  wallet: ['coupons', 'wallet'] as const,
  monthly: ['coupons', 'monthly'] as const,
}

export const walletQuery = () =>
  queryOptions({ queryKey: couponKeys.wallet, queryFn: () => request(couponEndpoints.coupons) })

export const monthlyCouponQuery = () =>
  queryOptions({ queryKey: couponKeys.monthly, queryFn: () => request(couponEndpoints.monthlyCoupon) })

export function useClaimMonthlyCoupon() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (idempotencyKey: string) => request(couponEndpoints.claimMonthlyCoupon, { idempotencyKey }),
    onSuccess: (answer) => queryClient.setQueryData(couponKeys.monthly, answer),
    onSettled: () => queryClient.invalidateQueries({ queryKey: couponKeys.all }),
    meta: { isErrorShownInPlace: true },
  })
}
