import { toJsonSchema } from '@valibot/to-json-schema'
import type * as v from 'valibot'
import type { Endpoint, ResponseOf } from '../../src/contract/all'
import type { AllEndpointName } from '../../src/contract/all'
import { allEndpoints as contractEndpoints, ErrorBody } from '../../src/contract/all'
import { FEATURE_OF_ENDPOINT } from '../../src/contract/features'
import { summaries } from '../../src/contract/summaries'

type JsonObject = Record<string, unknown>

const SYSTEM_SEGMENTS = new Set(['health', 'openapi.json', 'app'])

const schemaOf = (schema: v.GenericSchema, typeMode: 'input' | 'output'): JsonObject => {
  // Actions JSON Schema cannot say (trim, custom checks) are left out; the server still enforces them.
  const { $schema: _dialect, ...json } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode,
    errorMode: 'ignore',
  }) as JsonObject
  return json
}

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
})

const queryParameters = (query: v.GenericSchema): JsonObject[] => {
  const json = schemaOf(query, 'input')
  const properties = (json.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }))
}

const pathParameters = (path: string): JsonObject[] =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))

/** OpenAPI 3.1 for the routes this server answers, generated from the same valibot schemas it validates with. */
/** `toolEndpoints`: the operator tools (/__mock), tagged apart from the contract; named by the caller. */
export const buildOpenApiDocument = (
  registered: readonly Endpoint[],
  toolEndpoints: Readonly<Record<string, Endpoint>>,
): ResponseOf<typeof contractEndpoints.openapi> => {
  const mockSet = new Set<Endpoint>(Object.values(toolEndpoints))
  const names = new Map<Endpoint, string>(
    Object.entries({ ...contractEndpoints, ...toolEndpoints }).map(([name, endpoint]) => [endpoint as Endpoint, name]),
  )
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const endpoint of registered) {
    const segment = endpoint.path.split('/')[1] ?? ''
    const tag = mockSet.has(endpoint)
      ? 'mock'
      : SYSTEM_SEGMENTS.has(segment)
        ? 'system'
        : segment.replace(/^gift-categories$/, 'gifts')
    const parameters = [...pathParameters(endpoint.path), ...(endpoint.query ? queryParameters(endpoint.query) : [])]
    if (endpoint.isIdempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'One client-generated UUID per user intent: a repeat replays the first answer; another body with it is 422.',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      })
    }
    const responses: JsonObject = {
      [String(endpoint.status)]: {
        description: 'Success',
        content: { 'application/json': { schema: schemaOf(endpoint.response, 'output') } },
      },
    }
    if (endpoint.body || endpoint.query || endpoint.isIdempotent)
      responses['400'] = errorResponse('VALIDATION_FAILED (details.fields), INVALID_JSON or IDEMPOTENCY_KEY_REQUIRED')
    if (!endpoint.isPublic) responses['401'] = errorResponse('UNAUTHORIZED: no valid bearer token')
    const feature = FEATURE_OF_ENDPOINT[names.get(endpoint) as AllEndpointName]
    if (feature)
      responses['403'] = errorResponse(
        `FEATURE_OFF (details.feature "${feature}"): features.${feature} is off in GET /app/config`,
      )
    if (endpoint.isIdempotent) responses['422'] = errorResponse('IDEMPOTENCY_KEY_REUSED')
    responses.default = errorResponse('Any other error, in the same body')
    paths[endpoint.path] ??= {}
    const operations = paths[endpoint.path] ?? {}
    operations[endpoint.method.toLowerCase()] = {
      operationId: names.get(endpoint) ?? `${endpoint.method.toLowerCase()}${endpoint.path}`,
      summary: endpoint.summary ?? summaries[names.get(endpoint) as AllEndpointName],
      tags: [tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(endpoint.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(endpoint.body, 'input') } },
            },
          }
        : {}),
      responses,
      security: endpoint.isPublic ? [] : [{ bearerAuth: [] }],
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'FanLoop API',
      version: '1',
      description: 'See api-contract.md. Routes tagged "mock" are answered by the mock server only.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorBody: schemaOf(ErrorBody, 'output') },
    },
  }
}
