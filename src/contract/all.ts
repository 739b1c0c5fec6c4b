// The whole contract, for the server, the OpenAPI document and the tests. The app imports `@/contract` (the
// landed tabs' part) and the feature pages import `./mall`, `./community`, `./challenge`, `./certificate`, `./distribution`,
// `./kol`, `./orders`, `./coupons` and their endpoint tables by path, so the first screen does not carry schemas only other
// pages use.
import { certificateEndpoints } from './certificate-endpoints'
import { challengeEndpoints } from './challenge-endpoints'
import { communityEndpoints, ownPostEndpoint } from './community-endpoints'
import { couponEndpoints } from './coupon-endpoints'
import { distributionEndpoints } from './distribution-endpoints'
import { endpoints } from './endpoints'
import { kolEndpoints } from './kol-endpoints'
import { mallEndpoints } from './mall-endpoints'
import { orderEndpoints } from './order-endpoints'

export * from './index'
export * from './mall'
export * from './mall-endpoints'
export * from './community'
export * from './community-endpoints'
export * from './challenge'
export * from './challenge-endpoints'
export * from './certificate'
export * from './certificate-endpoints'
export * from './distribution'
export * from './distribution-endpoints'
export * from './kol'
export * from './kol-endpoints'
export * from './orders'
export * from './order-endpoints'
export * from './coupons'
export * from './coupon-endpoints'

/** Every route of the contract: what the server registers, the OpenAPI document lists and the tests walk. */
export const allEndpoints = {
  ...endpoints,
  ...mallEndpoints,
  ...communityEndpoints,
  ...challengeEndpoints,
  ...certificateEndpoints,
  ...distributionEndpoints,
  ...kolEndpoints,
  ...orderEndpoints,
  ...couponEndpoints,
  // GET /posts/{id} as the server answers it: a Post, plus `isRemoved` on its author's own post (OwnPost). The app's
  // first-screen table keeps `Post` (the feed never reads it); the server checks its answer and the OpenAPI document
  // describes the route with this one.
  post: ownPostEndpoint,
} as const

export type AllEndpointName = keyof typeof allEndpoints
