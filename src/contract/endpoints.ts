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
import {
  Address,
  AddressInput,
  AddressList,
  AddressPatch,
  GiftDetail,
  RedeemRequest,
  Redemption,
  RedemptionPage,
  RedemptionsQuery,
} from './mall'
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
  summary: string
  /** Open without a token (auth, config, public reads). */
  isPublic: boolean
  /** Awards or spends points, stock or money: requires an Idempotency-Key header. */
  isIdempotent: boolean
  body?: v.GenericSchema
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
    summary: 'Liveness and the server clock',
    isPublic: true,
    isIdempotent: false,
    response: Health,
    status: 200,
  }),
  openapi: defineEndpoint({
    method: 'GET',
    path: '/openapi.json',
    summary: 'This contract as an OpenAPI 3.1 document',
    isPublic: true,
    isIdempotent: false,
    response: OpenApiDocument,
    status: 200,
  }),
  appConfig: defineEndpoint({
    method: 'GET',
    path: '/app/config',
    summary: 'Brand, theme, levels and rules the app renders from',
    isPublic: true,
    isIdempotent: false,
    response: AppConfig,
    status: 200,
  }),
  sendSms: defineEndpoint({
    method: 'POST',
    path: '/auth/sms',
    summary: 'Send a sign-in code by SMS (the mock always uses 123456)',
    isPublic: true,
    isIdempotent: false,
    body: SmsRequest,
    response: SmsSent,
    status: 200,
  }),
  signInByPhone: defineEndpoint({
    method: 'POST',
    path: '/auth/phone',
    summary: 'Sign in (H5) with phone and SMS code; creates the member on first use',
    isPublic: true,
    isIdempotent: false,
    body: PhoneSignInRequest,
    response: SignedIn,
    status: 200,
  }),
  signInByWechat: defineEndpoint({
    method: 'POST',
    path: '/auth/wechat',
    summary: 'Sign in (mini-program) with a Taro.login code',
    isPublic: true,
    isIdempotent: false,
    body: WechatSignInRequest,
    response: SignedIn,
    status: 200,
  }),
  signOut: defineEndpoint({
    method: 'POST',
    path: '/auth/logout',
    summary: 'End this session',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/me',
    summary: 'The signed-in member',
    isPublic: false,
    isIdempotent: false,
    response: Member,
    status: 200,
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/me',
    summary: 'Change nickname, avatar, or set the birthday once',
    isPublic: false,
    isIdempotent: false,
    body: MePatch,
    response: Member,
    status: 200,
  }),
  gifts: defineEndpoint({
    method: 'GET',
    path: '/gifts',
    summary: 'Gifts of the points mall (affordable=true compares with the balance, so it needs a token: 401 without)',
    isPublic: true,
    isIdempotent: false,
    query: GiftsQuery,
    response: page(Gift),
    status: 200,
  }),
  giftCategories: defineEndpoint({
    method: 'GET',
    path: '/gift-categories',
    summary: 'Categories of the points mall, in display order',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: page(GiftCategory),
    status: 200,
  }),
  gift: defineEndpoint({
    method: 'GET',
    path: '/gifts/{id}',
    summary: 'One gift, with how many the signed-in member already redeemed',
    isPublic: true,
    isIdempotent: false,
    response: GiftDetail,
    status: 200,
  }),
  addresses: defineEndpoint({
    method: 'GET',
    path: '/addresses',
    summary: "The member's addresses, default first",
    isPublic: false,
    isIdempotent: false,
    response: AddressList,
    status: 200,
  }),
  createAddress: defineEndpoint({
    method: 'POST',
    path: '/addresses',
    summary: 'Add an address (at most 10; 409 ADDRESS_LIMIT_REACHED)',
    isPublic: false,
    isIdempotent: false,
    body: AddressInput,
    response: Address,
    status: 201,
  }),
  updateAddress: defineEndpoint({
    method: 'PATCH',
    path: '/addresses/{id}',
    summary: 'Edit an address or make it the default',
    isPublic: false,
    isIdempotent: false,
    body: AddressPatch,
    response: Address,
    status: 200,
  }),
  deleteAddress: defineEndpoint({
    method: 'DELETE',
    path: '/addresses/{id}',
    summary: 'Delete an address (the next one becomes default)',
    isPublic: false,
    isIdempotent: false,
    response: Ok,
    status: 200,
  }),
  redeem: defineEndpoint({
    method: 'POST',
    path: '/redemptions',
    summary: 'Redeem a gift in one atomic step, or refuse with a code and change nothing',
    isPublic: false,
    isIdempotent: true,
    body: RedeemRequest,
    response: Redemption,
    status: 201,
  }),
  redemptions: defineEndpoint({
    method: 'GET',
    path: '/redemptions',
    summary: "The member's redemptions, newest first, by status",
    isPublic: false,
    isIdempotent: false,
    query: RedemptionsQuery,
    response: RedemptionPage,
    status: 200,
  }),
  redemption: defineEndpoint({
    method: 'GET',
    path: '/redemptions/{id}',
    summary: "One of the member's redemptions",
    isPublic: false,
    isIdempotent: false,
    response: Redemption,
    status: 200,
  }),
  cancelRedemption: defineEndpoint({
    method: 'POST',
    path: '/redemptions/{id}/cancel',
    summary: 'Cancel while pending shipment: points and stock come back once (409 CANCEL_NOT_ALLOWED)',
    isPublic: false,
    isIdempotent: true,
    response: Redemption,
    status: 200,
  }),
  posts: defineEndpoint({
    method: 'GET',
    path: '/posts',
    summary: 'Community posts by section and topic',
    isPublic: true,
    isIdempotent: false,
    query: PostsQuery,
    response: page(Post),
    status: 200,
  }),
  post: defineEndpoint({
    method: 'GET',
    path: '/posts/{id}',
    summary: 'One post',
    isPublic: true,
    isIdempotent: false,
    response: Post,
    status: 200,
  }),
  topics: defineEndpoint({
    method: 'GET',
    path: '/topics',
    summary: 'Community topics, most active first',
    isPublic: true,
    isIdempotent: false,
    query: CursorQuery,
    response: page(Topic),
    status: 200,
  }),
  checkinCalendar: defineEndpoint({
    method: 'GET',
    path: '/checkin/calendar',
    summary: "A month's check-ins, streak, make-ups left and the rewards ahead",
    isPublic: false,
    isIdempotent: false,
    query: CheckinCalendarQuery,
    response: CheckinCalendar,
    status: 200,
  }),
  checkIn: defineEndpoint({
    method: 'POST',
    path: '/checkin',
    summary: "Check in for the server's business day (409 ALREADY_CHECKED_IN the second time)",
    isPublic: false,
    isIdempotent: true,
    response: CheckinResult,
    status: 201,
  }),
  makeUpCheckin: defineEndpoint({
    method: 'POST',
    path: '/checkin/makeup',
    summary: 'Make up a missed day of this month for points (409 MAKEUP_NOT_ALLOWED with details.reason)',
    isPublic: false,
    isIdempotent: true,
    body: MakeupRequest,
    response: MakeupResult,
    status: 201,
  }),
  pointsSummary: defineEndpoint({
    method: 'GET',
    path: '/points/summary',
    summary: 'Balance, pending points, points expiring soon',
    isPublic: false,
    isIdempotent: false,
    response: PointsSummary,
    status: 200,
  }),
  pointsLedger: defineEndpoint({
    method: 'GET',
    path: '/points/ledger',
    summary: 'Ledger entries, newest first; direction=earned|spent filters',
    isPublic: false,
    isIdempotent: false,
    query: LedgerQuery,
    response: LedgerPage,
    status: 200,
  }),
  tasks: defineEndpoint({
    method: 'GET',
    path: '/tasks',
    summary: 'Daily and one-time tasks with progress as the server saw it',
    isPublic: false,
    isIdempotent: false,
    response: TaskList,
    status: 200,
  }),
  completeTask: defineEndpoint({
    method: 'POST',
    path: '/tasks/{id}/complete',
    summary: 'Report a self-reported task done (only those the server cannot see; capped)',
    isPublic: false,
    isIdempotent: true,
    response: TaskCompleted,
    status: 200,
  }),
  levels: defineEndpoint({
    method: 'GET',
    path: '/levels',
    summary: "The level table with benefits, the member's level and growth, a level-up not yet celebrated",
    isPublic: false,
    isIdempotent: false,
    response: LevelOverview,
    status: 200,
  }),
  levelCelebrated: defineEndpoint({
    method: 'POST',
    path: '/levels/celebrated',
    summary: 'The member has seen the celebration of this level (it is not shown again)',
    isPublic: false,
    isIdempotent: false,
    body: CelebrationSeen,
    response: LevelOverview,
    status: 200,
  }),
  birthdayGift: defineEndpoint({
    method: 'GET',
    path: '/birthday-gift',
    summary: "This year's birthday gift: available in the birthday month, once a year",
    isPublic: false,
    isIdempotent: false,
    response: BirthdayGift,
    status: 200,
  }),
  claimBirthdayGift: defineEndpoint({
    method: 'POST',
    path: '/birthday-gift/claim',
    summary: 'Claim the birthday gift (409 BIRTHDAY_GIFT_UNAVAILABLE when not available)',
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
