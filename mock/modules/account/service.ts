import { createHash, randomBytes } from 'node:crypto'
import type { BindingSource, Member, MePatch, SignedIn } from '../../../src/contract/all'
import { ApiError, invalid } from '../../platform/errors'
import type { Authenticator, Ctx, Router } from '../../platform/http'
import { newId } from '../../platform/ids'
import { DAY_MS } from '../../platform/clock'
import { businessDay } from '../../platform/time'
import { isUploadOf } from '../community/service'
import { bindByReferral } from '../distribution/service'
import { levelCodeForGrowth, settleTasks } from '../membership/service'
import { membershipBadge } from '../plans/service'
import { balanceOf } from '../points/service'
import * as data from './data'
import type { MemberRow, NewMember } from './data'

export type { MemberRow } from './data'

/** The router every module registers on: its handlers get the signed-in member's row. */
export type AppRouter = Router<MemberRow>

/** The only code the mock "sends" (api-contract.md, mock logins). */
export const MOCK_SMS_CODE = '123456'

const EARLIEST_BIRTHDAY = '1900-01-01'

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const memberById = (ctx: Ctx, id: string): Promise<MemberRow | null> => data.memberById(ctx.sql, id)

/** Locks the member's row for the rest of the transaction and answers it as it is now. */
export const lockMemberRow = async (ctx: Ctx, id: string): Promise<MemberRow> => {
  const member = await data.memberById(ctx.sql, id, { forUpdate: true })
  if (!member) throw new Error(`No member ${id}`)
  return member
}

export const authenticator: Authenticator<MemberRow> = {
  memberOfToken: (ctx, token, { lock }) =>
    data.sessionMember(ctx.sql, hashToken(token), ctx.realNowMs, { forUpdate: lock }),
}

/**
 * The code a member's shares carry. It stays on the row for a right given back later, but only a distributor's code
 * binds, and while the operator has distribution switched off no share should promise a KOL anything: none then.
 */
export const shareableReferralCode = (
  ctx: Ctx,
  row: Pick<MemberRow, 'isDistributor' | 'referralCode'>,
): string | null => (row.isDistributor && ctx.config.features.distribution ? row.referralCode : null)

export const toMember = async (ctx: Ctx, row: MemberRow): Promise<Member> => {
  const pointsBalance = await balanceOf(ctx, row.id)
  return {
    id: row.id,
    nickname: row.nickname,
    avatarUrl: row.avatarUrl,
    levelCode: levelCodeForGrowth(row.growth, ctx.config.levels),
    growth: row.growth,
    pointsBalance,
    isDistributor: row.isDistributor,
    referralCode: shareableReferralCode(ctx, row),
    birthday: row.birthday,
    membership: await membershipBadge(ctx, row.id),
  }
}

/** Growth only ever increases; the level follows from it. */
export const addGrowth = (ctx: Ctx, memberId: string, growth: number): Promise<number> =>
  growth === 0 ? Promise.resolve(0) : data.addGrowth(ctx.sql, memberId, growth)

/** A refund takes back the growth its order gave (never below zero: growth spent on nothing stays spent). */
export const takeGrowth = (ctx: Ctx, memberId: string, growth: number): Promise<void> =>
  growth === 0 ? Promise.resolve() : data.takeGrowth(ctx.sql, memberId, growth)

export const updateMemberFields = (ctx: Ctx, memberId: string, changes: data.MemberChanges): Promise<MemberRow> =>
  data.updateMember(ctx.sql, memberId, changes)

/** A new member at the first level with nothing to celebrate. Answers null when the phone or openid is taken. */
export const createMember = async (
  ctx: Ctx,
  fields: Omit<NewMember, 'id' | 'celebratedLevel' | 'createdAt'> & {
    id?: string
    growth?: number
    createdAt?: number
  },
): Promise<MemberRow | null> => {
  const { growth = 0, ...rest } = fields
  const row = await data.insertMember(ctx.sql, {
    ...rest,
    id: fields.id ?? (await newId(ctx.sql, 'm')),
    createdAt: fields.createdAt ?? ctx.nowMs,
    // Members start having seen their level: a celebration waits for the next level-up.
    celebratedLevel: levelCodeForGrowth(growth, ctx.config.levels),
  })
  if (row && growth > 0) await data.addGrowth(ctx.sql, row.id, growth)
  return row && growth > 0 ? data.memberById(ctx.sql, row.id) : row
}

/** Opaque and unguessable; only its hash is stored, so a copy of the database gives nobody a session. */
export const createSession = async (ctx: Ctx, memberId: string): Promise<string> => {
  const token = `fl_${randomBytes(32).toString('base64url')}`
  const days = ctx.settings.auth.sessionDays > 0 ? ctx.settings.auth.sessionDays : 365 * 100
  // Sessions live by the wall clock: moving the mock clock to preview next month signs nobody out.
  await data.insertSession(ctx.sql, hashToken(token), memberId, ctx.realNowMs, ctx.realNowMs + days * DAY_MS)
  return token
}

export const endSession = (ctx: Ctx, token: string): Promise<void> => data.deleteSession(ctx.sql, hashToken(token))

const signedIn = async (
  ctx: Ctx,
  member: MemberRow,
  ref: string | undefined,
  refSource: BindingSource = 'link',
  refPostId?: string,
): Promise<SignedIn> => {
  if (ref !== undefined) {
    if (member.signupRef === null) await data.updateMember(ctx.sql, member.id, { signupRef: ref })
    // Created by this very request: a friend registering through the code (the invite task counts only these).
    const isSignup = member.createdAt.getTime() === ctx.nowMs
    const distributorId = await bindByReferral(ctx, member.id, ref, refSource, { isSignup, postId: refPostId })
    // A friend registered through the distributor's code: their invite task pays now.
    if (distributorId !== null && isSignup) await settleTasks(ctx, distributorId)
  }
  const fresh = (await data.memberById(ctx.sql, member.id)) ?? member
  return { token: await createSession(ctx, member.id), member: await toMember(ctx, fresh) }
}

/** The member of a phone or openid, created on first use (a concurrent first sign-in finds the other's row). */
const memberOrNew = async (
  ctx: Ctx,
  column: 'phone' | 'wechat_open_id',
  value: string,
  fields: Parameters<typeof createMember>[1],
): Promise<MemberRow> => {
  const known = await data.memberBy(ctx.sql, column, value)
  if (known) return known
  const created = (await createMember(ctx, fields)) ?? (await data.memberBy(ctx.sql, column, value))
  if (!created) throw new Error(`Could not create or find the member of ${column} ${value}`)
  return created
}

const secondsUntil = (ctx: Ctx, at: Date): string => String(Math.max(1, Math.ceil((at.getTime() - ctx.nowMs) / 1000)))

export const sendSms = async (ctx: Ctx, phone: string): Promise<{ phone: string; resendAfterSeconds: number }> => {
  const interval = ctx.settings.auth.smsResendSeconds
  const attempts = await data.lockSmsAttempts(ctx.sql, phone)
  if (interval > 0 && attempts.lastSentAt && ctx.nowMs - attempts.lastSentAt.getTime() < interval * 1000) {
    const nextAt = new Date(attempts.lastSentAt.getTime() + interval * 1000)
    throw new ApiError(
      'RATE_LIMITED',
      'A code was sent to this phone moments ago: wait before asking for another.',
      { retryAfterSeconds: Number(secondsUntil(ctx, nextAt)) },
      { headers: { 'Retry-After': secondsUntil(ctx, nextAt) } },
    )
  }
  await data.saveSmsAttempts(ctx.sql, phone, { ...attempts, lastSentAt: new Date(ctx.nowMs) })
  return { phone, resendAfterSeconds: interval }
}

export const signInByPhone = async (
  ctx: Ctx,
  request: { phone: string; smsCode: string; ref?: string; refSource?: BindingSource; refPostId?: string },
): Promise<SignedIn> => {
  const { maxWrongSmsCodes, wrongCodeLockMinutes } = ctx.settings.auth
  const attempts = await data.lockSmsAttempts(ctx.sql, request.phone)
  if (attempts.lockedUntil && attempts.lockedUntil.getTime() > ctx.nowMs)
    throw new ApiError(
      'RATE_LIMITED',
      'Too many wrong codes for this phone: try again later.',
      { retryAfterSeconds: Number(secondsUntil(ctx, attempts.lockedUntil)) },
      { headers: { 'Retry-After': secondsUntil(ctx, attempts.lockedUntil) } },
    )
  if (request.smsCode !== MOCK_SMS_CODE) {
    const wrongCodes = attempts.wrongCodes + 1
    const isLocked = maxWrongSmsCodes > 0 && wrongCodes >= maxWrongSmsCodes
    await data.saveSmsAttempts(ctx.sql, request.phone, {
      ...attempts,
      wrongCodes: isLocked ? 0 : wrongCodes,
      lockedUntil: isLocked ? new Date(ctx.nowMs + wrongCodeLockMinutes * 60_000) : attempts.lockedUntil,
    })
    // The count of wrong codes is kept with the refusal, or guessing would cost nothing.
    throw new ApiError(
      'SMS_CODE_INVALID',
      'The SMS code is wrong or has expired.',
      { attemptsLeft: maxWrongSmsCodes > 0 ? Math.max(0, maxWrongSmsCodes - wrongCodes) : null },
      { keepsWrites: true },
    )
  }
  await data.saveSmsAttempts(ctx.sql, request.phone, { ...attempts, wrongCodes: 0, lockedUntil: null })
  const member = await memberOrNew(ctx, 'phone', request.phone, {
    nickname: `会员${request.phone.slice(-4)}`,
    phone: request.phone,
  })
  return signedIn(ctx, member, request.ref, request.refSource, request.refPostId)
}

export const signInByWechat = async (
  ctx: Ctx,
  request: { code: string; installId?: string; ref?: string; refSource?: BindingSource; refPostId?: string },
): Promise<SignedIn> => {
  // A real backend gets the openid from code2session; the mock takes the app's install id in its place.
  if (request.installId !== undefined) {
    const member = await memberOrNew(ctx, 'wechat_open_id', request.installId, {
      nickname: '微信用户',
      wechatOpenId: request.installId,
    })
    return signedIn(ctx, await named(ctx, member), request.ref, request.refSource, request.refPostId)
  }
  const knownId = await data.memberOfWechatCode(ctx.sql, request.code)
  const known = knownId === null ? null : await data.memberById(ctx.sql, knownId)
  const member = known ?? (await named(ctx, await createOrThrow(ctx, { nickname: '微信用户' })))
  await data.saveWechatCode(ctx.sql, request.code, member.id)
  return signedIn(ctx, member, request.ref, request.refSource, request.refPostId)
}

const createOrThrow = async (ctx: Ctx, fields: Parameters<typeof createMember>[1]): Promise<MemberRow> => {
  const member = await createMember(ctx, fields)
  if (!member) throw new Error('Could not create a member')
  return member
}

/** A new WeChat member is called 微信用户 plus the last digits of their id until they choose a nickname. */
const named = async (ctx: Ctx, member: MemberRow): Promise<MemberRow> =>
  member.nickname === '微信用户'
    ? data.updateMember(ctx.sql, member.id, { nickname: `微信用户${member.id.replace(/\D/g, '').slice(-4)}` })
    : member

export const updateMe = async (ctx: Ctx, member: MemberRow, patch: MePatch, origin: string): Promise<Member> => {
  // The schema checks the URL's form; only the server knows its origin and who uploaded what.
  if (
    patch.avatarUrl !== undefined &&
    patch.avatarUrl !== '' &&
    !(await isUploadOf(ctx, patch.avatarUrl, origin, member.id))
  )
    throw invalid({ avatarUrl: 'a picture you uploaded here (the URL POST /uploads answered you)' })
  if (patch.birthday !== undefined) {
    const today = businessDay(ctx.nowMs, ctx.config.timeZone)
    if (patch.birthday > today || patch.birthday < EARLIEST_BIRTHDAY)
      throw invalid({ birthday: `a date from ${EARLIEST_BIRTHDAY} to today` })
    // The birthday gift is once a year in the birthday month: letting the date move would let it be claimed twice.
    if (member.birthday !== null && member.birthday !== patch.birthday)
      throw new ApiError('BIRTHDAY_ALREADY_SET', 'The birthday is already set and cannot be changed.')
  }
  const isNewNickname = patch.nickname !== undefined && patch.nickname !== member.nickname
  await data.updateMember(ctx.sql, member.id, {
    nickname: isNewNickname ? patch.nickname : undefined,
    nicknameSetByMember: isNewNickname ? true : undefined,
    avatarUrl: patch.avatarUrl,
    birthday: patch.birthday,
  })
  // A completed profile pays its task now.
  await settleTasks(ctx, member.id)
  return toMember(ctx, await lockMemberRow(ctx, member.id))
}
