import type { AddressInput } from '../../../src/contract/all'
import { Address, AddressList, GiftDetail, Member, Redemption, RedemptionPage } from '../../../src/contract/all'
import type { ApiClient, ApiResponse } from './client'
import { expectShape, newKey } from './client'

// Calls the points-mall tests share; reads parse the answer with its contract schema.

export const sampleAddress = (extra: Partial<AddressInput> = {}): AddressInput => ({
  name: '张小满',
  phone: '13812345678',
  region: ['广东省', '深圳市', '南山区'],
  detail: '科技园南路 88 号 2 栋 1501',
  ...extra,
})

export const addAddress = async (api: ApiClient, token: string, extra: Partial<AddressInput> = {}) => {
  const response = await api.request('POST', '/addresses', { token, body: sampleAddress(extra) })
  expect([response.status, response.text.slice(0, 300)]).toEqual([201, expect.any(String)])
  return expectShape(Address, response.body)
}

export const addressesOf = async (api: ApiClient, token: string) =>
  expectShape(AddressList, (await api.request('GET', '/addresses', { token })).body).items

export const redeem = (
  api: ApiClient,
  token: string,
  body: { giftId: string; quantity?: number; addressId?: string },
  idempotencyKey = newKey(),
): Promise<ApiResponse> =>
  api.request('POST', '/redemptions', { token, body: { quantity: 1, ...body }, idempotencyKey })

export const redeemOk = async (
  api: ApiClient,
  token: string,
  body: { giftId: string; quantity?: number; addressId?: string },
) => {
  const response = await redeem(api, token, body)
  expect([response.status, response.text.slice(0, 300)]).toEqual([201, expect.any(String)])
  return expectShape(Redemption, response.body)
}

export const cancel = (api: ApiClient, token: string, id: string, idempotencyKey = newKey()): Promise<ApiResponse> =>
  api.request('POST', `/redemptions/${id}/cancel`, { token, idempotencyKey })

export const giftOf = async (api: ApiClient, id: string, token?: string) =>
  expectShape(GiftDetail, (await api.request('GET', `/gifts/${id}`, { token: token ?? null })).body)

export const balanceOf = async (api: ApiClient, token: string): Promise<number> =>
  expectShape(Member, (await api.request('GET', '/me', { token })).body).pointsBalance

/** Every page of the member's redemptions (newest first), optionally by status. */
export const allRedemptions = async (api: ApiClient, token: string, status?: string, limit = 50) => {
  const items: Redemption[] = []
  let cursor: string | null = null
  do {
    const query = new URLSearchParams({ limit: String(limit) })
    if (status) query.set('status', status)
    if (cursor !== null) query.set('cursor', cursor)
    const page = expectShape(
      RedemptionPage,
      (await api.request('GET', `/redemptions?${query.toString()}`, { token })).body,
    )
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

/** Needs the /__mock routes. */
export const setStock = async (api: ApiClient, giftId: string, stock: number): Promise<void> => {
  const response = await api.request('PATCH', `/__mock/gifts/${giftId}`, { body: { stock } })
  expect(response.status).toBe(200)
}

/** Needs the /__mock routes. */
export const grant = async (api: ApiClient, token: string, body: { points?: number; growth?: number }) => {
  const response = await api.request('POST', '/__mock/grant', { token, body, idempotencyKey: newKey() })
  expect(response.status).toBe(200)
}
