#!/usr/bin/env node
// `npm start`: everything a new developer needs to see the app, in one terminal. The mock API and
// the H5 dev server (which forwards /api to the mock, config/index.ts) run as children with
// prefixed output; when both answer, the URLs are printed. Ctrl-C stops both; if either dies the
// other is stopped too, so nothing is left holding a port.
import { spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const MOCK_PORT = Number(process.env.MOCK_PORT ?? 9527)
const H5_PORT = Number(process.env.H5_PORT ?? 10086)
// The preview page's second phone loads the app from here: another origin (its own session) on the same site as the
// page. A frame from another site (localhost beside 127.0.0.1) gets no storage where third-party storage is blocked.
const H5_PORT_B = Number(process.env.H5_PORT_B ?? H5_PORT + 1)
const HOST = '127.0.0.1'
const mockBase = `http://${HOST}:${MOCK_PORT}/api/v1`
const h5Url = `http://${HOST}:${H5_PORT}/`
// The first H5 dev build takes ~30-60 s on 2 cores; past this, something is wrong.
const READY_TIMEOUT_MS = 5 * 60_000

const colors = process.stdout.isTTY
  ? { mock: '\x1b[36m', h5: '\x1b[35m', reset: '\x1b[0m', bold: '\x1b[1m' }
  : { mock: '', h5: '', reset: '', bold: '' }

// How each child is run and stopped. The mock gets exactly one SIGTERM and up to 10 s: it closes its database and
// releases its data folder's lock (~1-2 s), and a PGlite folder killed mid-close can lose its last writes. So it runs
// as `npm run mock` would (tsx), minus the wrappers: npm exits at once on SIGTERM without passing it on, and tsx's
// own binary relays a signal to the server under it when it is slow to hear it itself, and a second SIGTERM ends the
// server mid-close. The H5 dev server keeps nothing: its whole group is stopped, and not waited for long (it would
// finish its build first).
const CHILDREN = {
  mock: { command: process.execPath, args: ['--import', 'tsx', 'mock/main.ts'], signalsGroup: false, graceMs: 10_000 },
  h5: { command: npm, args: ['run', '-s', 'dev:h5'], signalsGroup: true, graceMs: 3_000 },
}

const children = new Map()
// Each child's process group, by the child's pid: a child has stopped when its whole group has (npm, the shell and
// the node under it; the esbuild service under the mock), not when the process we spawned has.
const groups = new Map()
let stopping = false

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

// The child's stdout is a pipe, yet webpack's progress bar still redraws itself with cursor
// codes; interleaved with the mock's log that is unreadable, so bars are dropped and colours kept.
// eslint-disable-next-line no-control-regex
const CURSOR_CODES = /\x1b\[[0-9;]*[ABCDEFGHJKST]/g
// eslint-disable-next-line no-control-regex
const ALL_CODES = /\x1b\[[0-9;]*[A-Za-z]/g

function prefixLines(name, stream, target) {
  let buffered = ''
  let inProgressBar = false
  const prefix = `${colors[name]}[${name}]${colors.reset} `
  const emit = (raw) => {
    const line = raw.split('\r').pop().replace(CURSOR_CODES, '')
    const plain = line.replace(ALL_CODES, '')
    if (plain.includes('█')) {
      inProgressBar = true
      return
    }
    if (!plain.trim()) {
      inProgressBar = false
      return
    }
    // A bar's second line (the wrapped phase name) belongs to the bar.
    if (inProgressBar) return
    // The mock already tags its own lines.
    target.write(plain.startsWith(`[${name}]`) ? `${line}\n` : `${prefix}${line}\n`)
  }
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) emit(line)
  })
  stream.on('end', () => emit(buffered))
}

function startChild(name) {
  const child = spawn(CHILDREN[name].command, CHILDREN[name].args, {
    cwd: repoRoot,
    env: { ...process.env, MOCK_PORT: String(MOCK_PORT), H5_PORT: String(H5_PORT) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: npm, its shell and the node underneath can be stopped together, and a Ctrl-C in the
    // terminal reaches this script alone, which stops each child its own way.
    detached: process.platform !== 'win32',
  })
  prefixLines(name, child.stdout, process.stdout)
  prefixLines(name, child.stderr, process.stderr)
  children.set(name, child)
  groups.set(name, child)
  child.on('exit', (code, signal) => {
    children.delete(name)
    if (stopping) return
    console.error(
      `\n${colors.bold}[start] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.${colors.reset}`,
    )
    stopAll(1)
  })
  return child
}

function killGroup(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal)
    else process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** Whether anything of the child's process group is still running (on Windows: the child itself). */
function isRunning(name, child) {
  if (process.platform === 'win32') return children.has(name)
  try {
    process.kill(-child.pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

const running = () => [...groups].filter(([name, child]) => isRunning(name, child))

function stopAll(exitCode) {
  if (stopping) {
    const left = running().map(([name]) => name)
    if (left.length > 0) console.error(`[start] still stopping: waiting for ${left.join(' and ')}`)
    return
  }
  stopping = true
  for (const [name, child] of running())
    if (CHILDREN[name].signalsGroup) killGroup(child, 'SIGTERM')
    else child.kill('SIGTERM')
  const started = Date.now()
  const check = setInterval(() => {
    for (const [name, child] of running())
      if (Date.now() - started >= CHILDREN[name].graceMs) {
        console.error(`[start] ${name} did not stop within ${CHILDREN[name].graceMs / 1000} s: killed.`)
        killGroup(child, 'SIGKILL')
        groups.delete(name)
      }
    if (running().length > 0) return
    clearInterval(check)
    groups.clear()
    process.exit(exitCode)
  }, 100)
}

/** Forwards every request (and the dev server's live-reload socket) from H5_PORT_B to the H5 dev server. */
function startSecondOrigin() {
  const target = { host: HOST, port: H5_PORT }
  const server = http.createServer((req, res) => {
    const upstream = http.request({ ...target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('The H5 dev server is not answering yet.')
    })
    req.pipe(upstream)
  })
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(target, () => {
      const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${value}`)
      upstream.write([`${req.method} ${req.url} HTTP/1.1`, ...headers, '', ''].join('\r\n'))
      upstream.write(head)
      socket.pipe(upstream).pipe(socket)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  server.listen(H5_PORT_B, HOST)
  return server
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    return response.status < 500
  } catch {
    return false
  }
}

async function waitFor(label, url) {
  const started = Date.now()
  while (!stopping) {
    if (await answers(url)) return true
    if (Date.now() - started > READY_TIMEOUT_MS) {
      console.error(`[start] ${label} did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s`)
      return false
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

async function main() {
  for (const [label, port, variable] of [
    ['mock API', MOCK_PORT, 'MOCK_PORT'],
    ['H5 dev server', H5_PORT, 'H5_PORT'],
    ['second phone of the preview page', H5_PORT_B, 'H5_PORT_B'],
  ]) {
    if (await portInUse(port)) {
      console.error(
        `[start] port ${port} (${label}) is already in use: is another \`npm start\` running? Stop it, or set ${variable}=<free port>.`,
      )
      process.exit(1)
    }
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal === 'SIGINT' ? 0 : 1))
  // Last resort if this process is torn down some other way.
  process.on('exit', () => {
    for (const [, child] of running()) killGroup(child, 'SIGKILL')
  })

  console.log(
    `[start] starting the mock API on ${HOST}:${MOCK_PORT} and the H5 dev server on ${HOST}:${H5_PORT} (first build takes ~1 min)`,
  )
  startChild('mock')
  startChild('h5')
  startSecondOrigin().unref()

  const [mockUp, h5Up] = await Promise.all([waitFor('mock API', `${mockBase}/health`), waitFor('H5 dev server', h5Url)])
  if (stopping) return
  if (!mockUp || !h5Up) {
    stopAll(1)
    return
  }

  // The preview page is one of the operator tools: off on a real PostgreSQL unless MOCK_TOOLS=on (mock/main.ts), and
  // then its address would be a 404. Ask the server rather than repeat its rule here.
  const hasTools = (await fetch(`${mockBase}/__mock/clock`).catch(() => null))?.status === 200
  const preview = hasTools
    ? `http://${HOST}:${MOCK_PORT}/__preview?app=${encodeURIComponent(h5Url)}&appB=${encodeURIComponent(`http://${HOST}:${H5_PORT_B}/`)}   (phones side by side, any persona, any day)`
    : 'off: the operator tools (/__mock) are off on this server; MOCK_TOOLS=on turns them on'
  const { bold, reset } = colors
  console.log(`
${bold}FanLoop is running${reset}
  H5 app      ${h5Url}   (open at a phone size: DevTools device toolbar)
  preview     ${preview}
  mock API    ${mockBase}
  OpenAPI     ${mockBase}/openapi.json
Mini-program: run \`npm run dev:weapp\` in another terminal and open this folder in WeChat DevTools (it reads dist/weapp).
Ctrl-C stops both servers.
`)
}

main().catch((error) => {
  console.error(error)
  stopAll(1)
})
