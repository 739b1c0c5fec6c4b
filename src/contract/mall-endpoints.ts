// The landed contract through its index (see distribution.ts).
import { defineEndpoint, Ok } from './index'
import {
  Address,
  AddressInput,
  AddressList,
  AddressPatch,
  GiftDetail,
  RedeemRequest,
  Redemption,
  RedemptionPage,
  RedemptionsQuery,
} from './mall'

/**
 * The points mall's subpages: a gift's detail and redeeming it, addresses, redemptions. Apart from `endpoints`, whose
 * gifts and categories the tabs list: the mini-program's main package and the H5 first screen carry that table whole.
 */
export const mallEndpoints = {
  gift: defineEndpoint({
    method: 'GET',
    path: '/gifts/{id}',
    isPublic: true,
    isIdempotent: false,
    response: GiftDetail,
    status: 200,
  }),
  addresses: defineEndpoint({
    method: 'GET',
    path: '/addresses',
    isPublic: false,
    isIdempotent: false,
    response: AddressList,
    status: 200,
  }),
  createAddress: defineEndpoint({
    method: 'POST',
    path: '/addresses',
    isPublic: false,
    isIdempotent: false,
    body: AddressInput,
    response: Address,
    status: 201,
  }),
  updateAddress: defineEndpoint({
    method: 'PATCH',
    path: '/addresses/{id}',
    isPublic: false,
    isIdempotent: false,
    body: AddressPatch,
    response: Address,
    status: 200,
  }),
  deleteAddress: defineEndpoint({
    method: 'DELETE',
    path: '/addresses/{id}',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  redeem: defineEndpoint({
    method: 'POST',
    path: '/redemptions',
    isPublic: false,
    isIdempotent: true,
    body: RedeemRequest,
    response: Redemption,
    status: 201,
  }),
  redemptions: defineEndpoint({
    method: 'GET',
    path: '/redemptions',
    isPublic: false,
    isIdempotent: false,
    query: RedemptionsQuery,
    response: RedemptionPage,
    status: 200,
  }),
  redemption: defineEndpoint({
    method: 'GET',
    path: '/redemptions/{id}',
    isPublic: false,
    isIdempotent: false,
    response: Redemption,
    status: 200,
  }),
  cancelRedemption: defineEndpoint({
    method: 'POST',
    path: '/redemptions/{id}/cancel',
    isPublic: false,
    isIdempotent: true,
    response: Redemption,
    status: 200,
  }),
} as const
