// The landed contract through its index (see distribution.ts).
import { CursorQuery, defineEndpoint } from './index'
import {
  ApplyRequest,
  ArrivalRequest,
  ArrivalResult,
  DistributionStatus,
  DistributionStatusQuery,
  Product,
  ProductPage,
} from './distribution'

/**
 * The distribution routes a tab or the app's start-up calls: the rights on 我的, the arrival reported at launch, the
 * products (a feed card shows the one its post links). Apart from `endpoints` like the community's table, and apart
 * from the KOL center's (./kol-endpoints) and the orders' (./order-endpoints): the mini-program's main package carries
 * every module a tab imports whole, so this table holds only what the tabs and the start-up need.
 */
export const distributionEndpoints = {
  distributionStatus: defineEndpoint({
    method: 'GET',
    path: '/distribution/status',
    isPublic: false,
    isIdempotent: false,
    query: DistributionStatusQuery,
    response: DistributionStatus,
    status: 200,
  }),
  applyForDistribution: defineEndpoint({
    method: 'POST',
    path: '/distribution/apply',
    isPublic: false,
    isIdempotent: false,
    /** The client the answered status is for (as GET /distribution/status). */
    query: DistributionStatusQuery,
    body: ApplyRequest,
    response: DistributionStatus,
    status: 200,
  }),
  recordArrival: defineEndpoint({
    method: 'POST',
    path: '/distribution/arrivals',
    isPublic: false,
    // One key per opening: a retry after a lost answer must not record a refused arrival twice.
    isIdempotent: true,
    body: ArrivalRequest,
    response: ArrivalResult,
    status: 200,
  }),
  products: defineEndpoint({
    method: 'GET',
    path: '/products',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: ProductPage,
    status: 200,
  }),
  product: defineEndpoint({
    method: 'GET',
    path: '/products/{id}',
    isPublic: true,
    isIdempotent: false,
    response: Product,
    status: 200,
  }),
} as const
