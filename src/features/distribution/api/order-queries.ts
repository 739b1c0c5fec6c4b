import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { OrderRequest } from '@/contract/orders'
import { orderEndpoints } from '@/contract/order-endpoints'
import { couponKeys } from '@/features/coupons/api/coupon-queries'
import { request } from '@/lib/http'
import { CURRENT_CLIENT } from '../lib/kol-routes'
import { kolKeys } from './rights-queries'

// Orders and membership plans (their subpackage pages only); the products, which a feed card shows, are in
// ./product-queries.

export const orderKeys = {
  orders: ['orders'] as const,
  plans: ['plans'] as const,
  myPlan: ['plans', 'mine'] as const,
}

export const ordersQuery = () =>
  infiniteQueryOptions({
    queryKey: orderKeys.orders,
    queryFn: ({ pageParam }) =>
      request(orderEndpoints.orders, { query: { cursor: pageParam ?? undefined, limit: '20' } }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

/** Mock payment: the order is paid at once; a ref / postId says whose link it came through. */
export function useCreateOrder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ order, idempotencyKey }: { order: OrderRequest; idempotencyKey: string }) =>
      request(orderEndpoints.createOrder, { body: order, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.orders }),
        queryClient.invalidateQueries({ queryKey: kolKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['account'] }),
        queryClient.invalidateQueries({ queryKey: couponKeys.all }),
      ]),
  })
}

export function useRefundOrder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      request(orderEndpoints.refundOrder, { params: { id }, idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.orders }),
        queryClient.invalidateQueries({ queryKey: orderKeys.plans }),
        queryClient.invalidateQueries({ queryKey: kolKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['account'] }),
        queryClient.invalidateQueries({ queryKey: couponKeys.all }),
      ]),
  })
}

export const plansQuery = () =>
  queryOptions({
    queryKey: [...orderKeys.plans, 'list', CURRENT_CLIENT],
    queryFn: () => request(orderEndpoints.plans, { query: { client: CURRENT_CLIENT } }),
  })

export const myPlanQuery = () =>
  queryOptions({ queryKey: orderKeys.myPlan, queryFn: () => request(orderEndpoints.myPlan) })

export function usePurchasePlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ planId, idempotencyKey }: { planId: string; idempotencyKey: string }) =>
      request(orderEndpoints.purchasePlan, { body: { planId, client: CURRENT_CLIENT }, idempotencyKey }),
    onSuccess: (purchase) => queryClient.setQueryData(orderKeys.myPlan, purchase.membership),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.plans }),
        queryClient.invalidateQueries({ queryKey: orderKeys.orders }),
        queryClient.invalidateQueries({ queryKey: kolKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['account'] }),
        queryClient.invalidateQueries({ queryKey: couponKeys.all }),
      ]),
  })
}
