import fs from 'node:fs'
import path from 'node:path'
import { ApiError, invalid, notFound } from '../platform/errors'
import type { Ctx } from '../platform/http'
import { isoAt } from '../platform/http'
import { DAY_MS, HOUR_MS, readClockOffset, writeClockOffset } from '../platform/clock'
import { businessDay } from '../platform/time'
import type { AppRouter } from '../modules/account/service'
import { addGrowth, createSession, lockMemberRow, memberById, toMember } from '../modules/account/service'
import { decideWithdrawal, fanCount, referrerOf } from '../modules/distribution/service'
import { setGiftStock } from '../modules/mall/service'
import { decideReview, reviewQueue } from '../modules/community/service'
import { addEntry, balanceOf, ledgerState, toLedgerEntry } from '../modules/points/service'
import { checkConfig } from '../config-check'
import { PERSONAS } from '../seed/personas'
import { EARLIEST_CLOCK_DAY, LATEST_CLOCK_DAY, mockEndpoints } from './endpoints'

// The operator tools under /api/v1/__mock/ (mock only, switched off with MOCK_TOOLS=off and in production).

const clockOf = (ctx: Ctx) => ({ now: isoAt(ctx, ctx.nowMs), today: businessDay(ctx.nowMs, ctx.config.timeZone) })

/** The operator's desktop preview page (GET /__preview): the app in phone frames beside the console. */
export const previewPageHtml = (): string => fs.readFileSync(path.join(__dirname, 'page.html'), 'utf8')

/** `reset` replaces every row with a fresh seed; the server passes it in (it owns the schema and the seed). */
export const registerPreviewRoutes = (
  { register }: AppRouter,
  { reset }: { reset: (ctx: Ctx) => Promise<void> },
): void => {
  register(mockEndpoints.mockReset, async ({ member: _member, ...ctx }) => {
    await reset(ctx)
    return { ok: true as const }
  })

  register(mockEndpoints.mockClock, async ({ member: _member, ...ctx }) => clockOf(ctx))

  // A config with an error never starts (mock/server.ts), so what is left to show are its warnings.
  register(mockEndpoints.mockConfigCheck, async ({ config }) => ({ findings: checkConfig(config) }))

  register(mockEndpoints.mockSetClock, async ({ body, member: _member, ...ctx }) => {
    const offsetMs = await readClockOffset(ctx.sql)
    const realNowMs = ctx.nowMs - offsetMs
    let nowMs = ctx.nowMs
    if (body.set !== undefined) nowMs = Date.parse(body.set)
    if (body.advanceDays !== undefined) nowMs += body.advanceDays * DAY_MS
    if (body.advanceHours !== undefined) nowMs += body.advanceHours * HOUR_MS
    // The window is about the business day the change makes `today` (an instant in UTC is the wrong day near
    // midnight in the program's zone), and holds for a move by days or hours as much as for a set.
    const today = businessDay(nowMs, ctx.config.timeZone)
    if (today < EARLIEST_CLOCK_DAY || today > LATEST_CLOCK_DAY) {
      const field = body.set !== undefined ? 'set' : body.advanceDays !== undefined ? 'advanceDays' : 'advanceHours'
      throw invalid({
        [field]: `a change keeping today (in ${ctx.config.timeZone}) from ${EARLIEST_CLOCK_DAY} to ${LATEST_CLOCK_DAY}: this one makes it ${today}`,
      })
    }
    await writeClockOffset(ctx.sql, nowMs - realNowMs)
    return clockOf({ ...ctx, nowMs })
  })

  register(mockEndpoints.mockPersonas, async () => ({
    items: PERSONAS.map(({ id, memberId, title, description }) => ({ id, memberId, title, description })),
    nextCursor: null,
  }))

  register(mockEndpoints.mockPersona, async ({ body, member: _member, ...ctx }) => {
    const persona = PERSONAS.find((candidate) => candidate.id === body.id)
    const row = persona ? await memberById(ctx, persona.memberId) : null
    if (!row) throw notFound('The persona')
    return { token: await createSession(ctx, row.id), member: await toMember(ctx, row) }
  })

  register(mockEndpoints.mockMe, async ({ member, ...ctx }) => {
    const view = await toMember(ctx, member)
    return {
      member: view,
      phone: member.phone,
      wechatOpenId: member.wechatOpenId,
      signupRef: member.signupRef,
      referrer: await referrerOf(ctx, member.id),
      fanCount: await fanCount(ctx, member.id),
      ledger: (await ledgerState(ctx, member.id)).entries,
    }
  })

  register(mockEndpoints.mockGrant, async ({ member, body, ...ctx }) => {
    const points = body.points ?? 0
    const balance = await balanceOf(ctx, member.id)
    if (balance + points < 0)
      throw new ApiError('INSUFFICIENT_POINTS', 'The balance cannot go below zero.', { balance, requested: points })
    const entry = await addEntry(ctx, member.id, {
      delta: points,
      type: 'adjustment',
      reason: body.reason ?? '运营调整',
      refId: null,
    })
    await addGrowth(ctx, member.id, body.growth ?? 0)
    return {
      member: await toMember(ctx, await lockMemberRow(ctx, member.id)),
      entry: entry ? toLedgerEntry(ctx, entry) : null,
    }
  })

  register(mockEndpoints.mockSetGiftStock, ({ params, body, member: _member, ...ctx }) =>
    setGiftStock(ctx, params.id, body.stock),
  )

  register(mockEndpoints.mockReviews, ({ query, member: _member, ...ctx }) => reviewQueue(ctx, query))

  register(mockEndpoints.mockDecideReview, ({ params, body, member: _member, ...ctx }) => {
    const { kind, ...decision } = body
    return decideReview(ctx, kind, params.id, decision)
  })

  register(mockEndpoints.mockDecideWithdrawal, ({ params, body, member: _member, ...ctx }) =>
    decideWithdrawal(ctx, params.id, body.status === 'paid' ? { status: 'paid', reason: null } : body),
  )
}
