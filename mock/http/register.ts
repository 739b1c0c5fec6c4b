import { createHash } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import type { Endpoint, ResponseOf } from '../../src/contract'
import type { MockStore } from '../store'
import type { MemberRecord, MockState } from '../state'
import { ownEntry } from '../state'
import { formatInstant } from '../domain/time'
import { ApiError, errorBody } from './errors'

export const API_BASE_PATH = '/api/v1'

type Output<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined

type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : unknown

export type RouteContext<E extends Endpoint> = {
  state: MockState
  store: MockStore
  /** The mock clock, read once per request: every time in one answer is the same instant. */
  nowMs: number
  /** The token's member; public routes get null for a visitor (and for a stale token: reads stay open). */
  member: E['isPublic'] extends true ? MemberRecord | null : MemberRecord
  token: string | null
  body: Output<E['body']>
  query: Output<E['query']>
  params: PathParams<E['path']>
}

/**
 * Synchronous on purpose: everything between reading the state and writing it happens without an
 * await, so concurrent requests cannot interleave inside one check-and-change (stock, balance, a day's
 * check-in). Refusals are thrown as ApiError and must come before any mutation.
 */
export type RouteHandler<E extends Endpoint> = (context: RouteContext<E>) => ResponseOf<E>

export type RouterDeps = {
  store: MockStore
  log: (message: string) => void
  realNow: () => number
}

type Answer = { status: number; body: unknown }

const VALIDATION_MESSAGE = 'The request is not valid.'
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/

const fieldsOf = (issues: readonly v.BaseIssue<unknown>[]): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    // Issues about the whole body or query (not an object, nothing to change) are filed under "$".
    const field = v.getDotPath(issue) ?? '$'
    fields[field] ??= issue.message
  }
  return fields
}

const validate = <S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> => {
  const result = v.safeParse(schema, input)
  if (!result.success)
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { fields: fieldsOf(result.issues) })
  return result.output
}

const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
}

const memberOfToken = (state: MockState, token: string | null): MemberRecord | null => {
  if (token === null) return null
  const session = ownEntry(state.sessions, token)
  return session ? (state.members.find((member) => member.id === session.memberId) ?? null) : null
}

const isJsonMediaType = (contentType: string | undefined): boolean => {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType)
}

/** Same JSON value, same hash, whatever the key order or whitespace the client sent. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

const hashOf = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex')

const toHonoPath = (path: string): string => `${API_BASE_PATH}${path.replace(/\{(\w+)\}/g, ':$1')}`

export type Router = {
  /** One call per route: auth, body and query validation, idempotency and durability come from the endpoint's flags. */
  register: <E extends Endpoint>(endpoint: E, handler: RouteHandler<E>) => void
  /** Every endpoint registered so far, in order (the OpenAPI document is built from these). */
  readonly endpoints: readonly Endpoint[]
}

export const createRouter = (app: Hono, deps: RouterDeps): Router => {
  const registered: Endpoint[] = []

  const answer = (endpoint: Endpoint, handler: RouteHandler<Endpoint>, c: Context, rawBody: string): Answer => {
    const state = deps.store.state
    const nowMs = deps.realNow() + state.clock.offsetMs
    const token = bearerToken(c.req.header('authorization'))
    const member = memberOfToken(state, token)
    if (!endpoint.isPublic && !member)
      throw new ApiError(401, 'UNAUTHORIZED', 'Sign in first: this request has no valid token.')

    const idempotencyKey = c.req.header('idempotency-key')
    if (endpoint.isIdempotent) {
      if (idempotencyKey === undefined || idempotencyKey === '')
        throw new ApiError(
          400,
          'IDEMPOTENCY_KEY_REQUIRED',
          'This request needs an Idempotency-Key header (one UUID per user intent).',
        )
      if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey))
        throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, {
          fields: { 'Idempotency-Key': 'up to 200 visible ASCII characters' },
        })
    }

    let body: unknown = undefined
    if (endpoint.body) {
      if (!isJsonMediaType(c.req.header('content-type')))
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.')
      let rawJson: unknown
      try {
        rawJson = JSON.parse(rawBody)
      } catch {
        throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON.')
      }
      // valibot's object() accepts arrays as objects with no keys; say what is wrong instead.
      if (Array.isArray(rawJson) && endpoint.body.type.endsWith('object'))
        throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, {
          fields: { $: 'Invalid type: Expected Object but received Array' },
        })
      body = validate(endpoint.body, rawJson)
    }
    const query = endpoint.query
      ? validate(endpoint.query, Object.fromEntries(new URL(c.req.url).searchParams))
      : undefined

    const context = {
      state,
      store: deps.store,
      nowMs,
      member,
      token,
      body,
      query,
      params: c.req.param(),
    } as RouteContext<Endpoint>
    if (!endpoint.isIdempotent || !member || idempotencyKey === undefined) return run(endpoint, handler, context)

    // Scoped to the member and the concrete path, so one key cannot replay another member's or another resource's answer.
    const scope = `${member.id} ${endpoint.method} ${new URL(c.req.url).pathname}`
    const recordKey = `${scope}\n${idempotencyKey}`
    // The validated body: keys the schema ignores do not make a different request (and cannot nest deep enough to hurt).
    const bodyHash = hashOf(body ?? null)
    const previous = ownEntry(state.idempotency, recordKey)
    if (previous) {
      if (previous.bodyHash !== bodyHash)
        throw new ApiError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request body.',
        )
      return { status: previous.status, body: previous.body }
    }
    const result = run(endpoint, handler, context)
    if (result.status < 500) {
      state.idempotency[recordKey] = {
        scope,
        key: idempotencyKey,
        bodyHash,
        status: result.status,
        body: result.body,
        createdAt: formatInstant(nowMs, state.config.timeZone),
      }
    }
    return result
  }

  const run = (endpoint: Endpoint, handler: RouteHandler<Endpoint>, context: RouteContext<Endpoint>): Answer => {
    try {
      const body = handler(context)
      const checked = v.safeParse(endpoint.response, body)
      if (!checked.success) {
        deps.log(
          `[mock] ${endpoint.method} ${endpoint.path} answered outside its contract: ${JSON.stringify(fieldsOf(checked.issues))}`,
        )
        return { status: 500, body: errorBody('INTERNAL', 'The server produced an answer outside its contract.') }
      }
      return { status: endpoint.status, body }
    } catch (error) {
      if (error instanceof ApiError)
        return { status: error.status, body: errorBody(error.code, error.message, error.details) }
      throw error
    }
  }

  const register = <E extends Endpoint>(endpoint: E, handler: RouteHandler<E>): void => {
    registered.push(endpoint)
    app.on(endpoint.method, toHonoPath(endpoint.path), async (c) => {
      // The only await before the synchronous part: reading the body. State is read after it.
      const rawBody = endpoint.body ? await c.req.text() : ''
      let result: Answer
      try {
        result = answer(endpoint, handler as unknown as RouteHandler<Endpoint>, c, rawBody)
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        result = { status: error.status, body: errorBody(error.code, error.message, error.details) }
      }
      // Every answer waits for durability: a 2xx (or a replay of one) is on disk before the client sees it.
      await deps.store.commit()
      return c.json(result.body as object, result.status as ContentfulStatusCode)
    })
  }

  return { register, endpoints: registered }
}
