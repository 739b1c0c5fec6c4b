import * as v from 'valibot'
import { AppConfig, allEndpoints, Health } from '../../src/contract/all'
import { mockEndpoints } from '../../mock/preview/endpoints'
import { createApiClient, expectError, expectShape, hasMockRoutes, newKey, signUp } from './support/client'

const api = createApiClient()
// A real backend decides its own origins; the reference server admits this machine's only.
const itInProcess = api.isInProcess ? it : it.skip

type Operation = {
  operationId: string
  security: unknown[]
  parameters?: { name: string; in: string; required: boolean }[]
  requestBody?: unknown
  responses: Record<string, unknown>
}

describe('system', () => {
  it('answers health with the server clock', async () => {
    const response = await api.request('GET', '/health')
    expect(response.status).toBe(200)
    const health = expectShape(Health, response.body)
    expect(health.now).toMatch(/[+-]\d\d:\d\d$|Z$/)
  })

  it('serves the app config the app renders from', async () => {
    const response = await api.request('GET', '/app/config')
    expect(response.status).toBe(200)
    const config = expectShape(AppConfig, response.body)
    expect(config.levels.map((level) => level.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5'])
    const thresholds = config.levels.map((level) => level.minGrowth)
    expect([...thresholds].sort((a, b) => a - b)).toEqual(thresholds)
    expect(thresholds[0]).toBe(0)
    expect(config.distribution.commissionLevels).toBeLessThanOrEqual(2)
    expect(config.features.shareRewards).toBe(false)
    for (const level of config.levels) expect(level.benefits.length).toBeGreaterThan(0)
  })

  describe('openapi.json', () => {
    let document: {
      openapi: string
      paths: Record<string, Record<string, Operation>>
      components: { schemas: Record<string, unknown> }
    }

    beforeAll(async () => {
      const response = await api.request('GET', '/openapi.json')
      expect(response.status).toBe(200)
      document = response.body as typeof document
    })

    it('is OpenAPI 3.1 with the error body as a component', () => {
      expect(document.openapi).toMatch(/^3\.1\./)
      expect(document.components.schemas.ErrorBody).toEqual(expect.objectContaining({ type: 'object' }))
    })

    const listed = [...Object.entries(allEndpoints), ...(hasMockRoutes ? Object.entries(mockEndpoints) : [])]
    it.each(listed)('lists %s with its method, security and Idempotency-Key', (_name, endpoint) => {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()]
      expect(operation).toBeDefined()
      if (!operation) return
      expect(operation.responses[String(endpoint.status)]).toBeDefined()
      expect(operation.security).toEqual(endpoint.isPublic ? [] : [{ bearerAuth: [] }])
      const idempotencyHeader = operation.parameters?.find((parameter) => parameter.name === 'Idempotency-Key')
      expect(idempotencyHeader?.required ?? false).toBe(endpoint.isIdempotent)
      expect(operation.requestBody !== undefined).toBe('body' in endpoint)
      const pathParameters = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name)
      for (const name of pathParameters)
        expect(operation.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }))
    })

    it('documents query parameters from the query schemas', () => {
      const gifts = document.paths['/gifts']?.get
      expect(gifts?.parameters?.map((parameter) => parameter.name).sort()).toEqual([
        'affordable',
        'category',
        'cursor',
        'limit',
      ])
    })
  })

  it('answers an unknown route with 404 NOT_FOUND in the error format', async () => {
    expectError(await api.request('GET', '/no-such-thing'), 404, 'NOT_FOUND')
    expectError(await api.request('POST', '/no/such/thing', { body: {} }), 404, 'NOT_FOUND')
  })

  it('answers a wrong method on a known path with 404 NOT_FOUND', async () => {
    expectError(await api.request('DELETE', '/me'), 404, 'NOT_FOUND')
    expectError(await api.request('PUT', '/gifts', { body: {} }), 404, 'NOT_FOUND')
    expectError(await api.request('POST', '/health', { body: {} }), 404, 'NOT_FOUND')
  })

  it('allows cross-origin calls from the app on this machine, with the headers the app sends', async () => {
    const response = await api.request('OPTIONS', '/me', {
      headers: {
        Origin: 'http://127.0.0.1:10086',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
      },
    })
    expect(response.status).toBeLessThan(300)
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const header of ['authorization', 'content-type', 'idempotency-key']) expect(allowed).toContain(header)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086')
  })

  it('allows the app served from localhost as well', async () => {
    const response = await api.request('GET', '/health', { headers: { Origin: 'http://localhost:10086' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:10086')
  })

  itInProcess('does not let a page from another origin read its answers', async () => {
    const response = await api.request('GET', '/health', { headers: { Origin: 'http://evil.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a write sent from a page on another origin (CORS only hides answers), and changes nothing', async () => {
    const { token } = await signUp(api)
    const refused = await api.request('POST', '/checkin', {
      token,
      headers: { Origin: 'http://evil.example' },
      idempotencyKey: newKey(),
    })
    expectError(refused, 403, 'FORBIDDEN')
    // Today's check-in is still to be made: the refused one never ran.
    expect((await api.request('POST', '/checkin', { token, idempotencyKey: newKey() })).status).toBe(201)
    // Reads stay open to any page (CORS decides who may see them), and this machine's pages may write.
    expect((await api.request('GET', '/gifts', { headers: { Origin: 'http://evil.example' } })).status).toBe(200)
    const local = await api.request('POST', '/checkin', {
      token: (await signUp(api)).token,
      headers: { Origin: 'http://127.0.0.1:10086' },
      idempotencyKey: newKey(),
    })
    expect(local.status).toBe(201)
  })

  it('answers with a JSON content type', async () => {
    const response = await api.request('GET', '/health')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(v.is(Health, JSON.parse(response.text))).toBe(true)
  })
})
