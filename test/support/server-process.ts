import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

// The real server process (mock/main.ts) for tests of what only the process does: its env, a crash, a restart.

const ROOT = path.resolve(__dirname, '../..')

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

export type Running = { child: ChildProcess; apiBase: string; output: () => string }

/**
 * `node --import tsx mock/main.ts` rather than the tsx binary: the binary runs the server in a child process of
 * its own, so a SIGKILL to the pid we hold would leave the real server running on the data.
 */
export const startServer = async (env: Record<string, string>): Promise<Running> => {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', MOCK_AUTH_LIMITS: 'off', ...env, MOCK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const apiBase = `http://127.0.0.1:${port}/api/v1`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`)
    const health = await fetch(`${apiBase}/health`).catch(() => null)
    if (health?.status === 200) return { child, apiBase, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`The server did not answer /health within 90 s:\n${output}`)
}

export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()))

export const stopServer = async (running: Running): Promise<void> => {
  running.child.kill('SIGTERM')
  await exited(running.child)
}

export type Sent = { status: number; body: unknown }

export const send = async (
  apiBase: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; key?: string } = {},
): Promise<Sent> => {
  const headers: Record<string, string> = {}
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (options.key) headers['Idempotency-Key'] = options.key
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${apiBase}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) }
}
