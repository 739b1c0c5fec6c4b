import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { exited, freePort } from '../support/server-process'

// `npm start` (scripts/start.mjs) on Ctrl-C: the mock must finish closing its data folder (it releases server.lock
// last) before anything is killed, and start.mjs must wait for it. npm exits at once on SIGTERM, so a script that
// waits for `npm run mock` only returns, or kills, while the mock is still closing. A fresh mock closes in a blink:
// a request still arriving holds its close open (it answers what it was sent) long enough to see who waits. The H5 dev server is not built: an `npm` first on PATH stands in for
// `npm run dev:h5` (a process that waits to be stopped) and hands anything else to the real npm.
jest.setTimeout(150_000)

const ROOT = path.resolve(__dirname, '../..')

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// start.mjs refuses a port in use, and H5_PORT_B defaults to H5_PORT + 1: three ports, two of them adjacent.
const freePorts = async (): Promise<{ mock: number; h5: number; h5B: number }> => {
  for (;;) {
    const [mock, h5] = [await freePort(), await freePort()]
    const taken = await new Promise<boolean>((resolve) => {
      const probe = net.createServer()
      probe.once('error', () => resolve(true))
      probe.listen(h5 + 1, '127.0.0.1', () => probe.close(() => resolve(false)))
    })
    if (!taken && mock !== h5 + 1) return { mock, h5, h5B: h5 + 1 }
  }
}

/**
 * Runs `npm start` (scripts/start.mjs) on free ports with an `npm` first on PATH that stands in for `npm run dev:h5`
 * (`h5Command`, a shell command) and hands anything else to the real npm. `output()` is what it printed so far.
 */
const launchStart = async (env: Record<string, string>, h5Command: string) => {
  const ports = await freePorts()
  const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-start-bin-'))
  const realNpm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim()
  fs.writeFileSync(
    path.join(binDir, 'npm'),
    `#!/bin/sh\nif [ "$3" = "dev:h5" ]; then exec ${h5Command}; fi\nexec '${realNpm}' "$@"\n`,
    { mode: 0o755 },
  )
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      MOCK_PORT: String(ports.mock),
      H5_PORT: String(ports.h5),
      H5_PORT_B: String(ports.h5B),
      PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const removeBin = () => fs.rmSync(binDir, { recursive: true, force: true })
  return { child, ports, output: () => output, removeBin }
}

describe('npm start (scripts/start.mjs)', () => {
  it('on Ctrl-C waits for the mock to close its data folder: its lock is released', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-start-'))
    const { child, ports, output, removeBin } = await launchStart({ MOCK_DATA_DIR: dataDir }, 'sleep 600')
    const lockPath = path.join(dataDir, 'server.lock')
    let mockPid = 0
    try {
      const deadline = Date.now() + 90_000
      while (Date.now() < deadline && child.exitCode === null) {
        const health = await fetch(`http://127.0.0.1:${ports.mock}/api/v1/health`).catch(() => null)
        if (health?.status === 200 && fs.existsSync(lockPath)) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(fs.existsSync(lockPath)).toBe(true)
      mockPid = Number(fs.readFileSync(lockPath, 'utf8').trim())
      expect(isAlive(mockPid)).toBe(true)

      // A POST whose body is not all there yet: the mock's close waits for it.
      const request = net.connect(ports.mock, '127.0.0.1')
      let answer = ''
      request.on('data', (chunk: Buffer) => (answer += chunk.toString()))
      await new Promise((resolve) => request.once('connect', resolve))
      request.write(
        'POST /api/v1/auth/phone HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
      )
      await new Promise((resolve) => setTimeout(resolve, 300))

      child.kill('SIGINT')
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect({ startRunning: child.exitCode === null, mockAlive: isAlive(mockPid) }).toEqual({
        startRunning: true,
        mockAlive: true,
      })
      expect(output()).toContain('SIGTERM: stopping')
      request.end('}')
      await exited(child)
      expect(answer).toMatch(/^HTTP\/1\.1 400/)
      expect({ code: child.exitCode, lockLeft: fs.existsSync(lockPath), mockAlive: isAlive(mockPid) }).toEqual({
        code: 0,
        lockLeft: false,
        mockAlive: false,
      })
    } catch (error) {
      throw new Error(`${String(error)}\n--- start.mjs output ---\n${output()}`)
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited(child)
      }
      if (mockPid > 0 && isAlive(mockPid)) process.kill(mockPid, 'SIGKILL')
      fs.rmSync(dataDir, { recursive: true, force: true })
      removeBin()
    }
  })

  // With the operator tools off (here MOCK_TOOLS=off; on a real PostgreSQL by default) there is no preview page: the
  // start-up text must not hand out its address. A small HTTP server stands in for the H5 dev server.
  it.each([
    ['on', /preview {5}http:\/\/127\.0\.0\.1:\d+\/__preview\?app=/],
    ['off', /preview {5}off: the operator tools \(\/__mock\) are off on this server; MOCK_TOOLS=on turns them on/],
  ])('with MOCK_TOOLS=%s says where the preview page is, or that there is none', async (tools, line) => {
    const h5Server = `require('http').createServer((q, s) => s.end('ok')).listen(Number(process.env.H5_PORT), '127.0.0.1')`
    const { child, output, removeBin } = await launchStart(
      { MOCK_STORE: 'memory', MOCK_TOOLS: tools },
      `'${process.execPath}' -e "${h5Server}"`,
    )
    try {
      const deadline = Date.now() + 90_000
      while (Date.now() < deadline && child.exitCode === null && !output().includes('Ctrl-C stops'))
        await new Promise((resolve) => setTimeout(resolve, 200))
      expect(output()).toMatch(line)
    } catch (error) {
      throw new Error(`${String(error)}\n--- start.mjs output ---\n${output()}`)
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT')
        await exited(child)
      }
      removeBin()
    }
  })
})
