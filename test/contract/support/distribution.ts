import {
  Commission,
  CommissionPage,
  DistributionOverview,
  DistributionStatus,
  Fan,
  FanPage,
  Order,
  Withdrawal,
} from '../../../src/contract/all'
import type { ApiClient } from './client'
import { expectShape, newKey } from './client'

/** The operator's KOL invite code the seed issues for previews and tests (unlimited uses). */
export const SEED_INVITE_CODE = 'FANKOL2026'

/** Makes the member a distributor through the operator's invite code; answers their referral code. */
export const becomeDistributor = async (api: ApiClient, token: string): Promise<string> => {
  const response = await api.request('POST', '/distribution/apply', {
    token,
    body: { route: 'invite_code', code: SEED_INVITE_CODE },
  })
  if (response.status !== 200) throw new Error(`apply: ${response.status} ${response.text}`)
  const status = expectShape(DistributionStatus, response.body)
  if (!status.referralCode) throw new Error('a distributor without a referral code')
  return status.referralCode
}

export const orderRequest = (
  api: ApiClient,
  token: string,
  body: { productId: string; quantity?: number; ref?: string; postId?: string; couponCode?: string },
  idempotencyKey = newKey(),
) => api.request('POST', '/orders', { token, body, idempotencyKey })

/** A paid order (mock payment). */
export const buy = async (
  api: ApiClient,
  token: string,
  body: { productId: string; quantity?: number; ref?: string; postId?: string; couponCode?: string },
): Promise<Order> => {
  const response = await orderRequest(api, token, body)
  if (response.status !== 201) throw new Error(`order: ${response.status} ${response.text}`)
  return expectShape(Order, response.body)
}

export const refund = (api: ApiClient, token: string, orderId: string, idempotencyKey = newKey()) =>
  api.request('POST', `/orders/${orderId}/refund`, { token, idempotencyKey })

export const overviewOf = async (api: ApiClient, token: string): Promise<DistributionOverview> =>
  expectShape(DistributionOverview, (await api.request('GET', '/distribution/overview', { token })).body)

export const commissionsOf = async (api: ApiClient, token: string): Promise<Commission[]> =>
  expectShape(CommissionPage, (await api.request('GET', '/distribution/commissions?limit=50', { token })).body).items

export const fansOf = async (api: ApiClient, token: string): Promise<Fan[]> =>
  expectShape(FanPage, (await api.request('GET', '/distribution/fans?limit=50', { token })).body).items

export const withdraw = (api: ApiClient, token: string, amountFen: number, idempotencyKey = newKey()) =>
  api.request('POST', '/distribution/withdrawals', { token, body: { amountFen }, idempotencyKey })

export const withdrawOk = async (api: ApiClient, token: string, amountFen: number): Promise<Withdrawal> => {
  const response = await withdraw(api, token, amountFen)
  if (response.status !== 201) throw new Error(`withdraw: ${response.status} ${response.text}`)
  return expectShape(Withdrawal, response.body)
}
