import { businessDay, formatInstant } from '../domain/time'
import { ApiError, notFound } from '../http/errors'
import type { Router } from '../http/register'
import { addLedgerEntry, balanceOf, createSession, ledgerOf, toLedgerEntry, toMember } from '../members'
import { mockEndpoints } from '../mock-endpoints'
import { PERSONAS } from '../personas'
import { createSeedState } from '../seed'
import type { MockState } from '../state'
import { toGift } from './catalog'

const HOUR_MS = 60 * 60 * 1000

const clockOf = (state: MockState, nowMs: number) => ({
  now: formatInstant(nowMs, state.config.timeZone),
  today: businessDay(nowMs, state.config.timeZone),
})

export const registerMockToolRoutes = ({ register }: Router): void => {
  register(mockEndpoints.mockReset, ({ store, state, nowMs }) => {
    store.replace(createSeedState(nowMs - state.clock.offsetMs))
    return { ok: true as const }
  })

  register(mockEndpoints.mockClock, ({ state, nowMs }) => clockOf(state, nowMs))

  register(mockEndpoints.mockSetClock, ({ state, body, nowMs }) => {
    const realNowMs = nowMs - state.clock.offsetMs
    if (body.set !== undefined) state.clock.offsetMs = Date.parse(body.set) - realNowMs
    if (body.advanceDays !== undefined) state.clock.offsetMs += body.advanceDays * 24 * HOUR_MS
    if (body.advanceHours !== undefined) state.clock.offsetMs += body.advanceHours * HOUR_MS
    return clockOf(state, realNowMs + state.clock.offsetMs)
  })

  register(mockEndpoints.mockPersonas, () => ({
    items: PERSONAS.map(({ id, title, description }) => ({ id, title, description })),
    nextCursor: null,
  }))

  register(mockEndpoints.mockPersona, ({ state, body, nowMs }) => {
    const persona = PERSONAS.find((candidate) => candidate.id === body.id)
    const member = state.members.find((candidate) => candidate.id === persona?.memberId)
    if (!member) throw notFound('The persona')
    return { token: createSession(state, member.id, nowMs), member: toMember(state, member, nowMs) }
  })

  register(mockEndpoints.mockMe, ({ state, member, nowMs }) => {
    const view = toMember(state, member, nowMs)
    const binding = state.bindings.find((candidate) => candidate.memberId === member.id)
    return {
      member: view,
      phone: member.phone,
      wechatOpenId: member.wechatOpenId,
      signupRef: member.signupRef,
      referrer: binding
        ? {
            distributorId: binding.distributorId,
            source: binding.source,
            boundAt: binding.boundAt,
            protectedUntil: binding.protectedUntil,
          }
        : null,
      fanCount: state.bindings.filter((candidate) => candidate.distributorId === member.id).length,
      ledger: ledgerOf(state, member.id).map(toLedgerEntry),
    }
  })

  register(mockEndpoints.mockGrant, ({ state, member, body, nowMs }) => {
    const points = body.points ?? 0
    const balance = balanceOf(state, member.id, nowMs)
    if (balance + points < 0)
      throw new ApiError(409, 'INSUFFICIENT_POINTS', 'The balance cannot go below zero.', {
        balance,
        requested: points,
      })
    const entry = addLedgerEntry(
      state,
      member.id,
      { delta: points, type: 'adjustment', reason: body.reason ?? '运营调整', refId: null },
      nowMs,
    )
    member.growth += body.growth ?? 0
    return { member: toMember(state, member, nowMs), entry: entry ? toLedgerEntry(entry) : null }
  })

  register(mockEndpoints.mockSetGiftStock, ({ state, params, body }) => {
    const gift = state.gifts.find((candidate) => candidate.id === params.id)
    if (!gift) throw notFound('The gift')
    gift.stock = body.stock
    return toGift(gift)
  })
}
