import type { Address, Redemption } from '@/contract/mall'
import { useSession } from '@/stores/session'
import type { installInProcessApi } from '../../../support/in-process-api'

type Api = ReturnType<typeof installInProcessApi>

export const HOME = { name: '王小明', phone: '13812345678', region: ['广东省', '深圳市', '南山区'], detail: '科技园南路 88 号' }

/** A new member with 2000 points and one address, signed in in the app too. */
export async function memberWithPoints(api: Api): Promise<{ token: string; address: Address }> {
  const { token } = await api.signInPersona('new-member')
  await api.call('POST', '/__mock/grant', { token, body: { points: 2000 }, idempotencyKey: 'grant-2000' })
  const address = (await api.call('POST', '/addresses', { token, body: HOME })).json as Address
  useSession.getState().signedIn(token)
  return { token, address }
}

let keys = 0

export async function redeem(api: Api, token: string, body: { giftId: string; quantity?: number; addressId?: string }): Promise<Redemption> {
  keys += 1
  const answer = await api.call('POST', '/redemptions', { token, body: { quantity: 1, ...body }, idempotencyKey: `redeem-${keys}` })
  if (answer.status !== 201) throw new Error(`redeem ${body.giftId}: ${answer.status} ${JSON.stringify(answer.json)}`)
  return answer.json as Redemption
}

export const balanceOf = async (api: Api, token: string) => (await api.call('GET', '/me', { token })).json.pointsBalance

export async function ledgerTypes(api: Api, token: string): Promise<string[]> {
  const page = (await api.call('GET', '/points/ledger?limit=50', { token })).json as { items: { type: string }[] }
  return page.items.map((entry) => entry.type)
}
