import { createHash } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import { NO_CONTROL_CHARACTERS, type AppConfig, type Endpoint, type ResponseOf } from '../../src/contract/all'
import type { Database, Sql } from './db'
import { ApiError, errorBody, VALIDATION_MESSAGE } from './errors'
import type { ServerSettings } from './settings'
import { formatInstant } from './time'

export const API_BASE_PATH = '/api/v1'

type Output<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined

type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : unknown

/** What every service call gets: the transaction, the server's clock read once for the request, and the config. */
export type Ctx = {
  sql: Sql
  /** The mock clock: every time in one answer is the same instant. Business rules use this one. */
  nowMs: number
  /**
   * The wall clock under it. Only for what must not move when operators move the mock clock: how long a
   * session has lived (a preview a month ahead must not sign everyone out).
   */
  realNowMs: number
  config: AppConfig
  settings: ServerSettings
}

/** A file a multipart request carried, as bytes: what it claims to be (name, type) is never trusted. */
export type UploadedFile = { bytes: Uint8Array }

export type RouteContext<E extends Endpoint, M> = Ctx & {
  /** The token's member; public routes get null for a visitor (and for a stale token: reads stay open). */
  member: E['isPublic'] extends true ? M | null : M
  token: string | null
  body: Output<E['body']>
  query: Output<E['query']>
  params: PathParams<E['path']>
  file: E['file'] extends object ? UploadedFile : undefined
  /** Scheme, host and port the client reached the server by (for URLs the answer gives out). */
  origin: string
}

/** Runs inside the request's transaction: a refusal (ApiError) or a bug (anything else) keeps none of its writes. */
export type RouteHandler<E extends Endpoint, M> = (context: RouteContext<E, M>) => Promise<ResponseOf<E>>

/** What the frame needs from the account module, without knowing it. */
export type Authenticator<M> = {
  /**
   * The member of a live session, or null. With `lock`, for a write, the member's row stays locked for the rest of
   * the transaction: a member's writes run one after another on any number of connections, so "enough points?",
   * "already used this key?" and the write that follows hold. One query does both.
   */
  memberOfToken: (ctx: Ctx, token: string, options: { lock: boolean }) => Promise<M | null>
}

export type RouterDeps<M> = {
  db: Database
  config: AppConfig
  settings: ServerSettings
  auth: Authenticator<M>
  realNow: () => number
  /** How far the mock clock is from the wall clock (stored in the database). */
  clockOffset: (sql: Sql) => Promise<number>
  log: (message: string) => void
  /**
   * The config switch a route belongs to, if any (by method and contract path): with the switch off in the config
   * in force, the route refuses with 403 FEATURE_OFF before anything else, so a part an operator switched off is
   * closed in one place rather than by an if in every service.
   */
  featureOf?: (method: string, path: string) => keyof AppConfig['features'] | undefined
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> }

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

/** Half of a surrogate pair with no other half: what a field cut through the middle of an emoji leaves. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/

/**
 * Where a request holds text PostgreSQL cannot keep as sent: a NUL (its text cannot store one, so an id, a code or a
 * filter with it would fail in the database, a 500), or half a surrogate pair (only a JSON escape can send one; it is
 * no character, and PostgreSQL would store U+FFFD, �, in its place: a nickname or an address changed silently).
 * Schemas for what people type refuse control characters already (PlainText); this covers every field in one place.
 */
const unstorableFieldsOf = (value: unknown, path: string, fields: Record<string, string>): Record<string, string> => {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fields[path || '$'] ??= 'no NUL character'
    else if (LONE_SURROGATE.test(value)) fields[path || '$'] ??= NO_CONTROL_CHARACTERS
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableFieldsOf(item, path ? `${path}.${index}` : String(index), fields))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unstorableFieldsOf(item, path ? `${path}.${key}` : key, fields)
  }
  return fields
}

const validate = <S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> => {
  const result = v.safeParse(schema, input)
  if (!result.success) throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, { fields: fieldsOf(result.issues) })
  const unstorable = unstorableFieldsOf(result.output, '', {})
  if (Object.keys(unstorable).length > 0)
    throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, { fields: unstorable })
  return result.output
}

const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
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

/** 403 FEATURE_OFF when the config in force (read at each request) has switched off the route's part. */
const refuseIfSwitchedOff = (
  featureOf: RouterDeps<unknown>['featureOf'],
  config: AppConfig,
  method: string,
  path: string,
): void => {
  const feature = featureOf?.(method, path)
  if (feature !== undefined && !config.features[feature])
    throw new ApiError('FEATURE_OFF', `This part of the program is switched off: ${feature}.`, { feature })
}

const fromApiError = (error: ApiError): Answer => ({
  status: error.status,
  body: { ...errorBody(error.code, error.message, error.details), ...error.options.extraBody },
  headers: error.options.headers,
})

/** Thrown inside the transaction to undo it and answer 500: the handler answered outside its contract. */
class ContractViolation extends Error {}

export type Router<M> = {
  /** One call per route: auth, validation, idempotency and the transaction come from the endpoint's flags. */
  register: <E extends Endpoint>(endpoint: E, handler: RouteHandler<E, M>) => void
  /** A GET that answers stored bytes with their own Content-Type (uploaded images). */
  serveBytes: (path: string, handler: BytesHandler) => void
  /** Every endpoint registered so far, in order (the OpenAPI document is built from these). */
  readonly endpoints: readonly Endpoint[]
}

export const createRouter = <M extends { id: string }>(app: Hono, deps: RouterDeps<M>): Router<M> => {
  const registered: Endpoint[] = []

  /** Everything that needs no database: the header, the body and the query, checked before any transaction. */
  const parseRequest = async (endpoint: Endpoint, c: Context, rawBody: string | ArrayBuffer) => {
    const idempotencyKey = c.req.header('idempotency-key')
    if (endpoint.isIdempotent) {
      if (idempotencyKey === undefined || idempotencyKey === '')
        throw new ApiError(
          'IDEMPOTENCY_KEY_REQUIRED',
          'This request needs an Idempotency-Key header (one UUID per user intent).',
        )
      if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey))
        throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, {
          fields: { 'Idempotency-Key': 'up to 200 visible ASCII characters' },
        })
    }
    let body: unknown = undefined
    let file: UploadedFile | undefined = undefined
    if (endpoint.file) file = await fileOf(endpoint.file, c.req.header('content-type'), rawBody)
    if (endpoint.body && typeof rawBody === 'string') {
      if (!isJsonMediaType(c.req.header('content-type')))
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.')
      let rawJson: unknown
      try {
        rawJson = JSON.parse(rawBody)
      } catch {
        throw new ApiError('INVALID_JSON', 'The request body is not valid JSON.')
      }
      // valibot's object() accepts arrays as objects with no keys; say what is wrong instead.
      if (Array.isArray(rawJson) && endpoint.body.type.endsWith('object'))
        throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, {
          fields: { $: 'Invalid type: Expected Object but received Array' },
        })
      body = validate(endpoint.body, rawJson)
    }
    const query = endpoint.query
      ? validate(endpoint.query, Object.fromEntries(new URL(c.req.url).searchParams))
      : undefined
    return { idempotencyKey, body, query, file }
  }

  const answer = async (
    endpoint: Endpoint,
    handler: RouteHandler<Endpoint, M>,
    c: Context,
    rawBody: string | ArrayBuffer,
  ): Promise<Answer> => {
    const token = bearerToken(c.req.header('authorization'))
    // Hono hands the parameters over decoded, so /redemptions/rd%2D1 and /redemptions/rd-1 are one resource.
    const params = c.req.param() as Record<string, string>
    // No id has control characters; PostgreSQL cannot even hold a NUL in text: no such resource.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (Object.values(params).some((value) => /[\u0000-\u001f\u007f]/.test(value)))
      throw new ApiError('NOT_FOUND', 'There is no such resource.')
    refuseIfSwitchedOff(deps.featureOf, deps.config, endpoint.method, endpoint.path)
    return deps.db.transaction(async (sql) => {
      const realNowMs = deps.realNow()
      const nowMs = realNowMs + (await deps.clockOffset(sql))
      const ctx: Ctx = { sql, nowMs, realNowMs, config: deps.config, settings: deps.settings }
      const member =
        token === null ? null : await deps.auth.memberOfToken(ctx, token, { lock: endpoint.method !== 'GET' })
      // The token first: a stranger learns nothing about a route's body from its validation errors.
      if (!endpoint.isPublic && !member)
        throw new ApiError('UNAUTHORIZED', 'Sign in first: this request has no valid token.')
      const { idempotencyKey, body, query, file } = await parseRequest(endpoint, c, rawBody)
      const origin = new URL(c.req.url).origin
      const context = { ...ctx, member, token, body, query, params, file, origin } as RouteContext<Endpoint, M>

      if (!endpoint.isIdempotent || !member || idempotencyKey === undefined) return run(endpoint, handler, context)

      // Scoped to the member, the matched route and its decoded parameters: a key cannot replay another member's
      // or another resource's answer, and another spelling of the same path replays instead of spending again.
      const scope = `${endpoint.method} ${endpoint.path} ${canonicalJson(params)}`
      const bodyHash = hashOf(body ?? null)
      const [previous] = await sql.query<{ bodyHash: string; status: number; body: unknown }>(
        `SELECT body_hash AS "bodyHash", status, body FROM idempotency_keys WHERE member_id = $1 AND scope = $2 AND key = $3`,
        [member.id, scope, idempotencyKey],
      )
      if (previous) {
        if (previous.bodyHash !== bodyHash)
          throw new ApiError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used with a different request body.',
          )
        return { status: previous.status, body: previous.body }
      }
      // A refusal undoes what the handler wrote before it, yet its answer is kept for the key like a success.
      await sql.query('SAVEPOINT handler')
      let result: Answer
      try {
        result = await run(endpoint, handler, context)
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        await sql.query('ROLLBACK TO SAVEPOINT handler')
        result = fromApiError(error)
      }
      await sql.query(
        `INSERT INTO idempotency_keys (member_id, scope, key, body_hash, status, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [member.id, scope, idempotencyKey, bodyHash, result.status, JSON.stringify(result.body), new Date(ctx.nowMs)],
      )
      return result
    })
  }

  const run = async (
    endpoint: Endpoint,
    handler: RouteHandler<Endpoint, M>,
    context: RouteContext<Endpoint, M>,
  ): Promise<Answer> => {
    let body: unknown
    try {
      body = await handler(context)
    } catch (error) {
      if (error instanceof ApiError && error.options.keepsWrites) return fromApiError(error)
      throw error
    }
    const checked = v.safeParse(endpoint.response, body)
    if (!checked.success) {
      deps.log(
        `[mock] ${endpoint.method} ${endpoint.path} answered outside its contract: ${JSON.stringify(fieldsOf(checked.issues))}`,
      )
      throw new ContractViolation()
    }
    return { status: endpoint.status, body }
  }

  const register = <E extends Endpoint>(endpoint: E, handler: RouteHandler<E, M>): void => {
    registered.push(endpoint)
    app.on(endpoint.method, toHonoPath(endpoint.path), async (c) => {
      const rawBody = endpoint.body ? await c.req.text() : endpoint.file ? await c.req.arrayBuffer() : ''
      let result: Answer
      try {
        result = await answer(endpoint, handler as unknown as RouteHandler<Endpoint, M>, c, rawBody)
      } catch (error) {
        if (error instanceof ApiError) result = fromApiError(error)
        else if (error instanceof ContractViolation)
          result = { status: 500, body: errorBody('INTERNAL', 'The server produced an answer outside its contract.') }
        else throw error
      }
      return c.json(result.body as object, result.status as ContentfulStatusCode, result.headers)
    })
  }

  const serveBytes = (path: string, handler: BytesHandler) => {
    app.get(toHonoPath(path), async (c) => {
      const params = c.req.param() as Record<string, string>
      const query = new URL(c.req.url).searchParams
      let found: Awaited<ReturnType<BytesHandler>>
      try {
        refuseIfSwitchedOff(deps.featureOf, deps.config, 'GET', path)
        found = await deps.db.transaction(async (sql) => {
          const realNowMs = deps.realNow()
          const nowMs = realNowMs + (await deps.clockOffset(sql))
          return handler({ sql, nowMs, realNowMs, config: deps.config, settings: deps.settings }, params, query)
        })
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        const answer = fromApiError(error)
        return c.json(answer.body as object, answer.status as ContentfulStatusCode, answer.headers)
      }
      if (!found) return c.json(errorBody('NOT_FOUND', 'There is no such file.'), 404)
      // nosniff: a browser shows the bytes as the type we checked them to be, never as markup it guessed.
      return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': found.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
    })
  }

  return { register, serveBytes, endpoints: registered }
}

/** Answers stored bytes (an uploaded image), or null for 404. Not JSON, so not part of the endpoint table. */
export type BytesHandler = (
  ctx: Ctx,
  params: Record<string, string>,
  query: URLSearchParams,
) => Promise<{ bytes: Uint8Array; contentType: string } | null>

const fileOf = async (
  spec: { field: string; maxBytes: number },
  contentType: string | undefined,
  rawBody: string | ArrayBuffer,
): Promise<UploadedFile> => {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? ''))
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send the file as multipart/form-data in the field "${spec.field}".`)
  let form: FormData
  try {
    form = await new Response(rawBody, { headers: { 'content-type': contentType ?? '' } }).formData()
  } catch {
    throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, { fields: { [spec.field]: 'a multipart form' } })
  }
  const value = form.get(spec.field)
  if (value === null || typeof value === 'string')
    throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, { fields: { [spec.field]: 'a file' } })
  const bytes = new Uint8Array(await value.arrayBuffer())
  if (bytes.length > spec.maxBytes)
    throw new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(spec.maxBytes / 1024 / 1024)} MB.`, {
      maxBytes: spec.maxBytes,
    })
  if (bytes.length === 0)
    throw new ApiError('VALIDATION_FAILED', VALIDATION_MESSAGE, {
      fields: { [spec.field]: 'a file that is not empty' },
    })
  return { bytes }
}

/** How every time leaves the server, from a database timestamp (Date) or milliseconds. */
export const isoAt = (ctx: Pick<Ctx, 'config'>, at: Date | number): string =>
  formatInstant(typeof at === 'number' ? at : at.getTime(), ctx.config.timeZone)
