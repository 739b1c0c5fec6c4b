import * as v from 'valibot'
import { CursorQuery, IsoDateTime, page } from './common'
import { AppConfig } from './config'
import { Gift, GiftCategory, GiftsQuery, Post, PostsQuery, Topic } from './catalog'
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
export const OpenApiDocument = v.looseObject({ openapi: v.string(), info: v.looseObject({ title: v.string(), version: v.string() }), paths: v.record(v.string(), v.unknown()) })

export const endpoints = {
  health: defineEndpoint({ method: 'GET', path: '/health', summary: 'Liveness and the server clock', isPublic: true, isIdempotent: false, response: Health, status: 200 }),
  openapi: defineEndpoint({ method: 'GET', path: '/openapi.json', summary: 'This contract as an OpenAPI 3.1 document', isPublic: true, isIdempotent: false, response: OpenApiDocument, status: 200 }),
  appConfig: defineEndpoint({ method: 'GET', path: '/app/config', summary: 'Brand, theme, levels and rules the app renders from', isPublic: true, isIdempotent: false, response: AppConfig, status: 200 }),
  sendSms: defineEndpoint({ method: 'POST', path: '/auth/sms', summary: 'Send a sign-in code by SMS (the mock always uses 123456)', isPublic: true, isIdempotent: false, body: SmsRequest, response: SmsSent, status: 200 }),
  signInByPhone: defineEndpoint({ method: 'POST', path: '/auth/phone', summary: 'Sign in (H5) with phone and SMS code; creates the member on first use', isPublic: true, isIdempotent: false, body: PhoneSignInRequest, response: SignedIn, status: 200 }),
  signInByWechat: defineEndpoint({ method: 'POST', path: '/auth/wechat', summary: 'Sign in (mini-program) with a Taro.login code', isPublic: true, isIdempotent: false, body: WechatSignInRequest, response: SignedIn, status: 200 }),
  signOut: defineEndpoint({ method: 'POST', path: '/auth/logout', summary: 'End this session', isPublic: false, isIdempotent: false, response: Ok, status: 200 }),
  me: defineEndpoint({ method: 'GET', path: '/me', summary: 'The signed-in member', isPublic: false, isIdempotent: false, response: Member, status: 200 }),
  updateMe: defineEndpoint({ method: 'PATCH', path: '/me', summary: 'Change nickname, avatar, or set the birthday once', isPublic: false, isIdempotent: false, body: MePatch, response: Member, status: 200 }),
  gifts: defineEndpoint({ method: 'GET', path: '/gifts', summary: 'Gifts of the points mall (affordable=true compares with the balance, so it needs a token: 401 without)', isPublic: true, isIdempotent: false, query: GiftsQuery, response: page(Gift), status: 200 }),
  giftCategories: defineEndpoint({ method: 'GET', path: '/gift-categories', summary: 'Categories of the points mall, in display order', isPublic: true, isIdempotent: false, query: CursorQuery, response: page(GiftCategory), status: 200 }),
  gift: defineEndpoint({ method: 'GET', path: '/gifts/{id}', summary: 'One gift', isPublic: true, isIdempotent: false, response: Gift, status: 200 }),
  posts: defineEndpoint({ method: 'GET', path: '/posts', summary: 'Community posts by section and topic', isPublic: true, isIdempotent: false, query: PostsQuery, response: page(Post), status: 200 }),
  post: defineEndpoint({ method: 'GET', path: '/posts/{id}', summary: 'One post', isPublic: true, isIdempotent: false, response: Post, status: 200 }),
  topics: defineEndpoint({ method: 'GET', path: '/topics', summary: 'Community topics, most active first', isPublic: true, isIdempotent: false, query: CursorQuery, response: page(Topic), status: 200 }),
} as const

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type ResponseOf<E extends Endpoint> = v.InferOutput<E['response']>
export type BodyOf<E extends Endpoint> = E['body'] extends v.GenericSchema ? v.InferInput<E['body']> : undefined
export type QueryOf<E extends Endpoint> = E['query'] extends v.GenericSchema ? v.InferInput<E['query']> : undefined
