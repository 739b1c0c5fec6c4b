#!/usr/bin/env node
// The contract suite over real sockets against the server as `npm run mock` runs it: on PGlite (its own temp
// data folder), or on a real PostgreSQL (a throwaway server, pool of 20 connections), so the concurrency tests
// race on many connections. `node scripts/contract-over-http.mjs pglite|postgres [-- jest args]`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [store = 'pglite', ...rest] = process.argv.slice(2)
const jestArgs = rest[0] === '--' ? rest.slice(1) : rest
if (store !== 'pglite' && store !== 'postgres') {
  console.error(`Usage: node scripts/contract-over-http.mjs pglite|postgres [-- jest args]`)
  process.exit(2)
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const waitForHealth = async (apiBase, child, seconds) => {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${apiBase}/health`)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the server did not answer /health within ${seconds} s`)
}

const run = (command, args, env) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env })
    child.on('close', (code) => resolve(code ?? 1))
  })

const main = async () => {
  const postgres = store === 'postgres' ? await startThrowawayPostgres() : null
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-contract-'))
  const port = await freePort()
  const apiBase = `http://127.0.0.1:${port}/api/v1`
  const env = {
    ...process.env,
    MOCK_PORT: String(port),
    MOCK_DATA_DIR: dataDir,
    // The suite resets and moves the clock through /__mock, which a real PostgreSQL has off unless MOCK_TOOLS=on.
    ...(postgres ? { DATABASE_URL: postgres.url, DATABASE_POOL_SIZE: '20', MOCK_TOOLS: 'on' } : {}),
  }
  delete env.NODE_ENV
  const server = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['mock/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  })
  let code = 1
  try {
    await waitForHealth(apiBase, server, 120)
    console.log(`[contract-over-http] ${store}: ${apiBase}`)
    code = await run(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/jest/bin/jest.js'),
        '--selectProjects',
        'contract',
        '--runInBand',
        ...jestArgs,
      ],
      { ...process.env, API_BASE_URL: apiBase },
    )
  } catch (error) {
    console.error(`[contract-over-http] ${store}: ${error.message}`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('close', resolve)))
    fs.rmSync(dataDir, { recursive: true, force: true })
    await postgres?.stop()
  }
  process.exitCode = code
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
