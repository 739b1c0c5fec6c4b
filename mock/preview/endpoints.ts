import * as v from 'valibot'
import {
  BindingSource,
  defineEndpoint,
  Gift,
  IsoDate,
  IsoDateTime,
  LedgerEntry,
  Member,
  NonNegativeInt,
  Ok,
  page,
  SignedIn,
} from '../../src/contract/all'
import { PERSONA_IDS } from '../seed/personas'

// Operator and test tools under /api/v1/__mock/: served by the mock only, never part of the app build.

const Int = v.pipe(v.number(), v.integer())

/** The clock may be set anywhere a preview makes sense, not to a year no date arithmetic is ready for. */
const EARLIEST_CLOCK = '2000-01-01T00:00:00Z'
const LATEST_CLOCK = '2100-01-01T00:00:00Z'

export const Clock = v.object({ now: IsoDateTime, today: IsoDate })

export const ClockChange = v.pipe(
  v.object({
    advanceDays: v.optional(v.pipe(Int, v.minValue(-3650), v.maxValue(3650))),
    advanceHours: v.optional(v.pipe(Int, v.minValue(-87600), v.maxValue(87600))),
    set: v.optional(
      v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.check((set) => {
          const ms = Date.parse(set)
          // Date.parse rolls 2030-02-30 over into March: the calendar date written must exist as written.
          const day = set.slice(0, 10)
          const isRealDay = new Date(Date.parse(`${day}T00:00:00Z`) || 0).toISOString().slice(0, 10) === day
          return isRealDay && Number.isFinite(ms) && ms >= Date.parse(EARLIEST_CLOCK) && ms < Date.parse(LATEST_CLOCK)
        }, 'a real instant from 2000 to 2099'),
      ),
    ),
  }),
  v.check(
    (change) => [change.advanceDays, change.advanceHours, change.set].filter((part) => part !== undefined).length === 1,
    'exactly one of advanceDays, advanceHours or set',
  ),
)

export const Persona = v.object({ id: v.string(), title: v.string(), description: v.string() })

export const GrantRequest = v.pipe(
  v.object({
    points: v.optional(v.pipe(Int, v.minValue(-1_000_000), v.maxValue(1_000_000))),
    growth: v.optional(v.pipe(Int, v.minValue(0), v.maxValue(1_000_000))),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
  }),
  v.check((grant) => grant.points !== undefined || grant.growth !== undefined, 'points or growth'),
)

export const Granted = v.object({ member: Member, entry: v.nullable(LedgerEntry) })

export const MockMemberState = v.object({
  member: Member,
  phone: v.nullable(v.string()),
  wechatOpenId: v.nullable(v.string()),
  signupRef: v.nullable(v.string()),
  referrer: v.nullable(
    v.object({ distributorId: v.string(), source: BindingSource, boundAt: IsoDateTime, protectedUntil: IsoDateTime }),
  ),
  fanCount: NonNegativeInt,
  ledger: v.array(LedgerEntry),
})

export const mockEndpoints = {
  mockReset: defineEndpoint({
    method: 'POST',
    path: '/__mock/reset',
    summary: 'Replace all data with a fresh seed (sessions end, clock back to real time)',
    isPublic: true,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  mockClock: defineEndpoint({
    method: 'GET',
    path: '/__mock/clock',
    summary: 'The mock clock and the business day',
    isPublic: true,
    isIdempotent: false,
    response: Clock,
    status: 200,
  }),
  mockSetClock: defineEndpoint({
    method: 'POST',
    path: '/__mock/clock',
    summary: 'Move the mock clock: advanceDays, advanceHours, or set (ISO-8601)',
    isPublic: true,
    isIdempotent: false,
    body: ClockChange,
    response: Clock,
    status: 200,
  }),
  mockPersonas: defineEndpoint({
    method: 'GET',
    path: '/__mock/personas',
    summary: 'Seeded members to preview the app as',
    isPublic: true,
    isIdempotent: false,
    response: page(Persona),
    status: 200,
  }),
  mockPersona: defineEndpoint({
    method: 'POST',
    path: '/__mock/persona',
    summary: 'Sign in as a persona',
    isPublic: true,
    isIdempotent: false,
    body: v.object({ id: v.picklist(PERSONA_IDS) }),
    response: SignedIn,
    status: 200,
  }),
  mockMe: defineEndpoint({
    method: 'GET',
    path: '/__mock/me',
    summary: 'Everything the mock keeps about the signed-in member (referrer, fans, ledger)',
    isPublic: false,
    isIdempotent: false,
    response: MockMemberState,
    status: 200,
  }),
  mockGrant: defineEndpoint({
    method: 'POST',
    path: '/__mock/grant',
    summary: 'Give the signed-in member points (an adjustment entry; negative spends) and/or growth',
    isPublic: false,
    isIdempotent: true,
    body: GrantRequest,
    response: Granted,
    status: 200,
  }),
  mockSetGiftStock: defineEndpoint({
    method: 'PATCH',
    path: '/__mock/gifts/{id}',
    summary: "Set a gift's stock",
    isPublic: true,
    isIdempotent: false,
    body: v.object({ stock: v.pipe(Int, v.minValue(0), v.maxValue(1_000_000)) }),
    response: Gift,
    status: 200,
  }),
} as const
