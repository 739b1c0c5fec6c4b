import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMockServer } from '../../mock/server'

// Over real HTTP on 127.0.0.1 (the harness of the browser tests uses this).
describe('startMockServer', () => {
  it('serves on 127.0.0.1 with a free port, in memory, and stops', async () => {
    const server = await startMockServer({ port: 0, storeKind: 'memory' })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.apiBase).toBe(`${server.url}/api/v1`)
    expect(server.store.filePath).toBeNull()
    const response = await fetch(`${server.apiBase}/health`)
    expect(response.status).toBe(200)
    await server.close()
    await expect(fetch(`${server.apiBase}/health`)).rejects.toThrow()
  })

  it('keeps its data in the data dir across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-server-'))
    try {
      const first = await startMockServer({ dataDir })
      const signIn = await fetch(`${first.apiBase}/auth/phone`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: '13700001111', smsCode: '123456' }),
      })
      const { token } = (await signIn.json()) as { token: string }
      await first.close()
      const second = await startMockServer({ dataDir })
      const me = await fetch(`${second.apiBase}/me`, { headers: { Authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as { nickname: string }).nickname).toBe('会员1111')
      await second.close()
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('fails clearly when the port is taken', async () => {
    const first = await startMockServer({ storeKind: 'memory' })
    const port = Number(new URL(first.url).port)
    await expect(startMockServer({ port, storeKind: 'memory' })).rejects.toThrow(/EADDRINUSE/)
    await first.close()
  })
})
