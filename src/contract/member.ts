import * as v from 'valibot'
import {
  BindingSource,
  Id,
  IsoDate,
  IsoDateTime,
  LevelCode,
  MainlandPhone,
  NonNegativeInt,
  PlainText,
  ReferralCode,
} from './common'

/**
 * An avatar is one of our own uploads (an http(s) URL under /api/v1/uploads/ naming a JPEG, PNG or WebP), or ''
 * for none: never a data: or javascript: URL, nor a picture on someone else's server that tracks who looks.
 */
export const AvatarUrl = v.union(
  [
    v.literal(''),
    v.pipe(
      v.string(),
      v.maxLength(500),
      v.regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/api\/v1\/uploads\/[A-Za-z0-9_-]{1,100}\.(?:jpe?g|png|webp)$/),
    ),
  ],
  'an image uploaded to this server, or empty',
)

export const Member = v.object({
  id: Id,
  nickname: v.string(),
  avatarUrl: v.string(),
  levelCode: LevelCode,
  growth: NonNegativeInt,
  pointsBalance: NonNegativeInt,
  isDistributor: v.boolean(),
  referralCode: v.nullable(v.string()),
  /** Set once by the member, then locked (birthday gift rule). */
  birthday: v.nullable(IsoDate),
  /** The membership plan in force (GET /memberships/mine has its benefits); null or absent without one. */
  membership: v.optional(v.nullable(v.object({ planId: Id, name: v.string(), endsAt: IsoDateTime }))),
})
export type Member = v.InferOutput<typeof Member>

export const SignedIn = v.object({ token: v.pipe(v.string(), v.minLength(16)), member: Member })
export type SignedIn = v.InferOutput<typeof SignedIn>

export const SmsRequest = v.object({ phone: MainlandPhone })
export const SmsSent = v.object({ phone: v.string(), resendAfterSeconds: NonNegativeInt })

export const PhoneSignInRequest = v.object({
  phone: MainlandPhone,
  smsCode: v.pipe(v.string(), v.regex(/^\d{6}$/, 'the 6-digit code')),
  ref: v.optional(ReferralCode),
  /** How `ref` arrived (default `link`). */
  refSource: v.optional(BindingSource),
  /** The 分享赚 post `ref` came through (refSource `post`), as an arrival's `postId`. */
  refPostId: v.optional(Id),
})
export type PhoneSignInRequest = v.InferOutput<typeof PhoneSignInRequest>

export const WechatSignInRequest = v.object({
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  /** Mock only: a random id the app keeps, standing in for the openid a real backend gets from code2session. */
  installId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  ref: v.optional(ReferralCode),
  refSource: v.optional(BindingSource),
  refPostId: v.optional(Id),
})
export type WechatSignInRequest = v.InferOutput<typeof WechatSignInRequest>

export const MePatch = v.pipe(
  v.object({
    nickname: v.optional(v.pipe(PlainText, v.trim(), v.minLength(1), v.maxLength(20))),
    avatarUrl: v.optional(AvatarUrl),
    birthday: v.optional(IsoDate),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
)
export type MePatch = v.InferOutput<typeof MePatch>

export const Ok = v.object({ ok: v.literal(true) })
