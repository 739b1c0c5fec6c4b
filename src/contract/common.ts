import * as v from 'valibot'

/** Server-produced ISO-8601 time with offset, e.g. 2026-11-23T08:00:00+08:00. */
export const IsoDateTime = v.pipe(v.string(), v.isoTimestamp())
/** A business day in the brand's time zone. isoDate() alone lets 2026-02-30 through. */
export const IsoDate = v.pipe(
  v.string(),
  v.isoDate(),
  v.check((date) => {
    // Runs even when isoDate() failed (valibot keeps going through a pipe), so it must not throw on any string.
    const time = Date.parse(`${date}T00:00:00Z`)
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date
  }, 'a date that exists in the calendar'),
)
/** How the contract words a refused control character (details.fields): the app shows its own words for it. */
export const NO_CONTROL_CHARACTERS = 'no control characters'

/**
 * What people type is shown as text on other people's screens: no control characters (a NUL, a line or
 * paragraph separator, bidi controls that would reorder what follows).
 */
export const PlainText = v.pipe(
  v.string(),
  v.check(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    (text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text),
    NO_CONTROL_CHARACTERS,
  ),
)

export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64))
/** Points, growth and fen are whole numbers everywhere: no floats for value. */
export const Int = v.pipe(v.number(), v.integer(), v.safeInteger())
export const NonNegativeInt = v.pipe(Int, v.minValue(0))
export const PositiveInt = v.pipe(Int, v.minValue(1))
export const HexColor = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #E8503A'))

export const LEVEL_CODES = ['V1', 'V2', 'V3', 'V4', 'V5'] as const
export const LevelCode = v.picklist(LEVEL_CODES)
export type LevelCode = v.InferOutput<typeof LevelCode>

/** Mainland China mobile number. */
export const MainlandPhone = v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/, 'an 11-digit mainland mobile number'))
/** Referral codes fit WeChat's 32-character QR scene (`r=CODE`) with room to spare. */
export const ReferralCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{4,8}$/, '4 to 8 letters or digits'))

/** Where a member arrived from through a referral code; `scene` is the mini-program code (`r=CODE`). */
export const BINDING_SOURCES = ['card', 'link', 'post', 'code', 'scene'] as const
export const BindingSource = v.picklist(BINDING_SOURCES)
export type BindingSource = v.InferOutput<typeof BindingSource>

export const CursorQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^(?:[1-9]|[1-4]\d|50)$/, 'a whole number from 1 to 50'))),
})

export const page = <TItem extends v.GenericSchema>(item: TItem) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) })

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'SMS_CODE_INVALID',
  'BIRTHDAY_ALREADY_SET',
  'ALREADY_CHECKED_IN',
  'MAKEUP_NOT_ALLOWED',
  'TASK_NOT_COMPLETABLE',
  'BIRTHDAY_GIFT_UNAVAILABLE',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'LEVEL_TOO_LOW',
  'ADDRESS_REQUIRED',
  'ADDRESS_LIMIT_REACHED',
  'CANCEL_NOT_ALLOWED',
  'EVENT_CLOSED',
  'NOT_DISTRIBUTOR',
  'DISTRIBUTION_NOT_ALLOWED',
  'WITHDRAWAL_NOT_ALLOWED',
  'REFUND_NOT_ALLOWED',
  'COUPON_UNAVAILABLE',
  'WXACODE_INVALID',
  'FEATURE_OFF',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Every non-2xx answer has this body. Codes are open-ended: a backend may add its own. */
export const ErrorBody = v.object({
  error: v.object({
    code: v.pipe(v.string(), v.regex(/^[A-Z][A-Z0-9_]*$/)),
    message: v.string(),
    details: v.optional(v.record(v.string(), v.unknown())),
  }),
})
export type ErrorBody = v.InferOutput<typeof ErrorBody>
