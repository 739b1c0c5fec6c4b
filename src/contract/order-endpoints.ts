// The landed contract through its index (see distribution.ts).
import { CursorQuery, defineEndpoint } from './index'
import { MyPlan, Order, OrderPage, OrderRequest, PlanList, PlansQuery, Purchase, PurchaseRequest } from './orders'

/** Orders (the products are in ./distribution-endpoints) and membership plans: only their subpackage pages load this. */
export const orderEndpoints = {
  createOrder: defineEndpoint({
    method: 'POST',
    path: '/orders',
    isPublic: false,
    isIdempotent: true,
    body: OrderRequest,
    response: Order,
    status: 201,
  }),
  orders: defineEndpoint({
    method: 'GET',
    path: '/orders',
    isPublic: false,
    isIdempotent: false,
    query: CursorQuery,
    response: OrderPage,
    status: 200,
  }),
  order: defineEndpoint({
    method: 'GET',
    path: '/orders/{id}',
    isPublic: false,
    isIdempotent: false,
    response: Order,
    status: 200,
  }),
  refundOrder: defineEndpoint({
    method: 'POST',
    path: '/orders/{id}/refund',
    isPublic: false,
    isIdempotent: true,
    response: Order,
    status: 200,
  }),
  plans: defineEndpoint({
    method: 'GET',
    path: '/memberships',
    isPublic: true,
    isIdempotent: false,
    query: PlansQuery,
    response: PlanList,
    status: 200,
  }),
  myPlan: defineEndpoint({
    method: 'GET',
    path: '/memberships/mine',
    isPublic: false,
    isIdempotent: false,
    response: MyPlan,
    status: 200,
  }),
  purchasePlan: defineEndpoint({
    method: 'POST',
    path: '/memberships/purchase',
    isPublic: false,
    isIdempotent: true,
    body: PurchaseRequest,
    response: Purchase,
    status: 201,
  }),
} as const
