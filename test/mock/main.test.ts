import { send, startServer, stopServer } from '../support/server-process'

// The operator routes have no auth: the real process must leave them out when told to, and in production.
// (That they are on by default is shown by test/mock/durability.test.ts, which uses /__mock/grant.)
jest.setTimeout(150_000)

describe('the /__mock operator routes in the real process', () => {
  it.each([
    ['MOCK_TOOLS=off', { MOCK_TOOLS: 'off' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('are off with %s, while /health answers', async (_name, env) => {
    const running = await startServer({ MOCK_STORE: 'memory', ...env })
    try {
      expect((await send(running.apiBase, 'GET', '/health')).status).toBe(200)
      expect((await send(running.apiBase, 'GET', '/__mock/clock')).status).toBe(404)
      expect((await send(running.apiBase, 'POST', '/__mock/reset')).status).toBe(404)
      expect(running.output()).toContain('Operator tools (/__mock): off')
    } finally {
      await stopServer(running)
    }
  })
})
