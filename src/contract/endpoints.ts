import * as v from 'valibot'
import { CursorQuery, IsoDateTime, page } from './common'
import { AppConfig } from './config'
import { Gift, GiftCategory, GiftsQuery, Post, PostsQuery, Topic } from './catalog'
import {
  BirthdayGift,
  CelebrationSeen,
  CheckinCalendar,
  CheckinCalendarQuery,
  CheckinResult,
  LedgerPage,
  LedgerQuery,
  LevelOverview,
  MakeupRequest,
  MakeupResult,
  PointsSummary,
  TaskCompleted,
  TaskList,
} from './membership'
import { Member, MePatch, Ok, PhoneSignInRequest, SignedIn, SmsRequest, SmsSent, WechatSignInRequest } from './member'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * One route of the contract. The app's fetchers, the mock's routing and validation, and the
 * OpenAPI document are all derived from these objects, so they cannot drift apart.
 */
export type Endpoint = {
  method: HttpMethod
  /** Path under /api/v1 with `{param}` placeholders. */
  path: string
  /** For the OpenAPI document; contract routes keep theirs in summaries.ts, out of the app's bundle. */
  summary?: string
  /** Open without a token (auth, config, public reads). */
  isPublic: boolean
  /** Awards or spends points, stock or money: requires an Idempotency-Key header. */
  isIdempotent: boolean
  body?: v.GenericSchema
  /** The body is multipart/form-data with one file in this field (not JSON), of at most maxBytes. */
  file?: { field: string; maxBytes: number }
  query?: v.GenericSchema
  response: v.GenericSchema
  status: 200 | 201
}

/** Keeps each endpoint's literal types (isPublic, status, schemas) so handlers and fetchers are typed per route. */
export const defineEndpoint = <const E extends Endpoint>(endpoint: E): E => endpoint

export const Health = v.object({ status: v.literal('ok'), now: IsoDateTime })
/** Only the frame is checked here; the document itself is OpenAPI 3.1. */
export const OpenApiDocument = v.looseObject({
  openapi: v.string(),
  info: v.looseObject({ title: v.string(), version: v.string() }),
  paths: v.record(v.string(), v.unknown()),
})

export const endpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/health',
    isPublic: true,
    isIdempotent: false,
    response: Health,
    status: 200,
  }),
  openapi: defineEndpoint({
    method: 'GET',
    path: '/openapi.json',
    isPublic: true,
    isIdempotent: false,
    response: OpenApiDocument,
    status: 200,
  }),
  appConfig: defineEndpoint({
    method: 'GET',
    path: '/app/config',
    isPublic: true,
    isIdempotent: false,
    response: AppConfig,
    status: 200,
  }),
  sendSms: defineEndpoint({
    method: 'POST',
    path: '/auth/sms',
    isPublic: true,
    isIdempotent: false,
    body: SmsRequest,
    response: SmsSent,
    status: 200,
  }),
  signInByPhone: defineEndpoint({
    method: 'POST',
    path: '/auth/phone',
    isPublic: true,
    isIdempotent: false,
    body: PhoneSignInRequest,
    response: SignedIn,
    status: 200,
  }),
  signInByWechat: defineEndpoint({
    method: 'POST',
    path: '/auth/wechat',
    isPublic: true,
    isIdempotent: false,
    body: WechatSignInRequest,
    response: SignedIn,
    status: 200,
  }),
  signOut: defineEndpoint({
    method: 'POST',
    path: '/auth/logout',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/me',
    isPublic: false,
    isIdempotent: false,
    response: Member,
    status: 200,
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/me',
    isPublic: false,
    isIdempotent: false,
    body: MePatch,
    response: Member,
    status: 200,
  }),
  gifts: defineEndpoint({
    method: 'GET',
    path: '/gifts',
    isPublic: true,
    isIdempotent: false,
    query: GiftsQuery,
    response: page(Gift),
    status: 200,
  }),
  giftCategories: defineEndpoint({
    method: 'GET',
    path: '/gift-categories',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: page(GiftCategory),
    status: 200,
  }),
  posts: defineEndpoint({
    method: 'GET',
    path: '/posts',
    isPublic: true,
    isIdempotent: false,
    query: PostsQuery,
    response: page(Post),
    status: 200,
  }),
  post: defineEndpoint({
    method: 'GET',
    path: '/posts/{id}',
    isPublic: true,
    isIdempotent: false,
    response: Post,
    status: 200,
  }),
  topics: defineEndpoint({
    method: 'GET',
    path: '/topics',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: page(Topic),
    status: 200,
  }),
  checkinCalendar: defineEndpoint({
    method: 'GET',
    path: '/checkin/calendar',
    isPublic: false,
    isIdempotent: false,
    query: CheckinCalendarQuery,
    response: CheckinCalendar,
    status: 200,
  }),
  checkIn: defineEndpoint({
    method: 'POST',
    path: '/checkin',
    isPublic: false,
    isIdempotent: true,
    response: CheckinResult,
    status: 201,
  }),
  makeUpCheckin: defineEndpoint({
    method: 'POST',
    path: '/checkin/makeup',
    isPublic: false,
    isIdempotent: true,
    body: MakeupRequest,
    response: MakeupResult,
    status: 201,
  }),
  pointsSummary: defineEndpoint({
    method: 'GET',
    path: '/points/summary',
    isPublic: false,
    isIdempotent: false,
    response: PointsSummary,
    status: 200,
  }),
  pointsLedger: defineEndpoint({
    method: 'GET',
    path: '/points/ledger',
    isPublic: false,
    isIdempotent: false,
    query: LedgerQuery,
    response: LedgerPage,
    status: 200,
  }),
  tasks: defineEndpoint({
    method: 'GET',
    path: '/tasks',
    isPublic: false,
    isIdempotent: false,
    response: TaskList,
    status: 200,
  }),
  completeTask: defineEndpoint({
    method: 'POST',
    path: '/tasks/{id}/complete',
    isPublic: false,
    isIdempotent: true,
    response: TaskCompleted,
    status: 200,
  }),
  levels: defineEndpoint({
    method: 'GET',
    path: '/levels',
    isPublic: false,
    isIdempotent: false,
    response: LevelOverview,
    status: 200,
  }),
  levelCelebrated: defineEndpoint({
    method: 'POST',
    path: '/levels/celebrated',
    isPublic: false,
    isIdempotent: false,
    body: CelebrationSeen,
    response: LevelOverview,
    status: 200,
  }),
  birthdayGift: defineEndpoint({
    method: 'GET',
    path: '/birthday-gift',
    isPublic: false,
    isIdempotent: false,
    response: BirthdayGift,
    status: 200,
  }),
  claimBirthdayGift: defineEndpoint({
    method: 'POST',
    path: '/birthday-gift/claim',
    isPublic: false,
    isIdempotent: true,
    response: BirthdayGift,
    status: 200,
  }),
} as const

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type ResponseOf<E extends Endpoint> = v.InferOutput<E['response']>
export type BodyOf<E extends Endpoint> = E['body'] extends v.GenericSchema ? v.InferInput<E['body']> : undefined
export type QueryOf<E extends Endpoint> = E['query'] extends v.GenericSchema ? v.InferInput<E['query']> : undefined
