import { endpoints } from '../../src/contract'
import { redemptionStateAt } from '../domain/redemptions'
import { paginate } from '../http/paginate'
import type { Router } from '../http/register'
import {
  addAddress,
  cancelRedemption,
  deleteAddress,
  listAddresses,
  ownRedemption,
  redeem,
  redemptionsOf,
  toRedemption,
  updateAddress,
} from '../mall'

// The points mall's private routes (src/contract/mall.ts); the rules live in mall.ts and domain/redemptions.ts.

export const registerMallRoutes = ({ register }: Router): void => {
  register(endpoints.addresses, ({ state, member }) => ({ items: listAddresses(state, member) }))

  register(endpoints.createAddress, ({ state, member, body, nowMs }) => addAddress(state, member, body, nowMs))

  register(endpoints.updateAddress, ({ state, member, params, body }) => updateAddress(state, member, params.id, body))

  register(endpoints.deleteAddress, ({ state, member, params }) => {
    deleteAddress(state, member, params.id)
    return { ok: true as const }
  })

  register(endpoints.redeem, ({ state, member, body, nowMs }) => redeem(state, member, body, nowMs))

  register(endpoints.redemptions, ({ state, member, query, nowMs }) => {
    const mine = redemptionsOf(state, member.id).filter(
      ({ record }) => query.status === undefined || redemptionStateAt(record, nowMs).status === query.status,
    )
    // Newest first; the position breaks ties between redemptions made in the same second.
    const page = paginate(mine, ({ record, position }) => [-Date.parse(record.createdAt), -position], query)
    return { items: page.items.map(({ record }) => toRedemption(state, record, nowMs)), nextCursor: page.nextCursor }
  })

  register(endpoints.redemption, ({ state, member, params, nowMs }) =>
    toRedemption(state, ownRedemption(state, member, params.id), nowMs),
  )

  register(endpoints.cancelRedemption, ({ state, member, params, nowMs }) =>
    cancelRedemption(state, member, params.id, nowMs),
  )
}
