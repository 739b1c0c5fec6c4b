import { Hono } from 'hono'
import { endpoints, ErrorBody } from '../../src/contract'
import * as v from 'valibot'
import { createMockApp } from '../../mock/app'
import { createRouter } from '../../mock/http/register'
import { createMemoryStore } from '../../mock/store'

// The frame's last line of defence: a bug is a 500 in the error format, logged, with no stack in the answer.
describe('a bug in a handler', () => {
  it('answers 500 INTERNAL in the error format and logs the stack', async () => {
    const log = jest.fn()
    const app = createMockApp({ store: createMemoryStore(), log })
    app.get('/api/v1/__test/boom', () => {
      throw new Error('the handler has a bug')
    })
    const response = await app.fetch(new Request('http://mock.test/api/v1/__test/boom'))
    expect(response.status).toBe(500)
    const body = v.parse(ErrorBody, await response.json())
    expect(body.error.code).toBe('INTERNAL')
    expect(JSON.stringify(body)).not.toContain('the handler has a bug')
    expect(String(log.mock.calls[0]?.[0])).toContain('the handler has a bug')
  })

  it('answers 500 INTERNAL when a handler answers outside its contract, rather than sending it', async () => {
    const log = jest.fn()
    const app = new Hono()
    const router = createRouter(app, { store: createMemoryStore(), log, realNow: Date.now })
    router.register(endpoints.health, () => ({ status: 'ok' as const, now: 'yesterday' }))
    const response = await app.fetch(new Request('http://mock.test/api/v1/health'))
    expect(response.status).toBe(500)
    expect(v.parse(ErrorBody, await response.json()).error.code).toBe('INTERNAL')
    expect(String(log.mock.calls[0]?.[0])).toMatch(/outside its contract.*now/)
  })
})
