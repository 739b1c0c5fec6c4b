// A throwaway PostgreSQL server for tests and benchmarks: the same engine production runs, in a
// temp folder on a random loopback port, gone when stop() is called or when this process ends in
// any way (including SIGKILL, through a detached watchdog). Node built-ins only, so it works before
// `npm install` and from any script.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const DEBIAN_PG_ROOT = '/usr/lib/postgresql'
const SERVICE_USER = 'postgres'
const HOST = '127.0.0.1'
const DATABASE = 'fanloop'
const INSTALL_HINT = 'Install it with: apt-get install -y postgresql'
const SERVER_SETTINGS = '-c fsync=on -c max_connections=200 -c shared_buffers=128MB'
// A port picked free can be taken by someone else before postgres binds it; a fresh one is cheap.
const START_ATTEMPTS = 3
// Commands run as the postgres user need a working directory it can enter; the caller's may be /root.
const NEUTRAL_CWD = '/'
// Marks this module's process handlers, so a second copy of the module (jest loads one per test
// file) is not mistaken for a caller that handles the signal itself.
const OWN_HANDLER = Symbol.for('fanloop.throwaway-postgres.handler')
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
// The few system tools used (id, test, rm, sleep) must be found whatever PATH the caller has.
const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const childEnv = () => ({ ...process.env, PATH: [process.env.PATH, STANDARD_PATH].filter(Boolean).join(':') })

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

// ---------------------------------------------------------------------------------------------
// Binaries

const SERVER_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'psql']
const hasServerBinaries = (dir) => SERVER_BINARIES.every((name) => fs.existsSync(path.join(dir, name)))

function binDirFromDebianLayout() {
  let versions
  try {
    versions = fs.readdirSync(DEBIAN_PG_ROOT)
  } catch {
    return null
  }
  const newestFirst = versions.filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
  return newestFirst.map((v) => path.join(DEBIAN_PG_ROOT, v, 'bin')).find(hasServerBinaries) ?? null
}

function binDirFromPgConfig() {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (result.status !== 0) return null
  const dir = result.stdout.trim()
  return hasServerBinaries(dir) ? dir : null
}

let cachedBinDir
function findBinDir() {
  cachedBinDir ??= binDirFromDebianLayout() ?? binDirFromPgConfig()
  return cachedBinDir
}

function requireBinDir() {
  const dir = findBinDir()
  if (!dir) {
    throw new Error(
      `PostgreSQL server binaries (${SERVER_BINARIES.join(', ')}) not found in ${DEBIAN_PG_ROOT}/*/bin ` +
        `or via pg_config --bindir. ${INSTALL_HINT}`,
    )
  }
  return dir
}

/** Whether a PostgreSQL server can be started here (tests use it to skip with a reason). */
export function hasPostgres() {
  return findBinDir() !== null
}

// ---------------------------------------------------------------------------------------------
// Processes

// Root's PATH often lacks the sbin folders (cron, `su` without `-`), where runuser lives.
let cachedRunuser
function runuser() {
  cachedRunuser ??= ['/usr/sbin/runuser', '/sbin/runuser'].find((file) => fs.existsSync(file)) ?? 'runuser'
  return cachedRunuser
}

// PostgreSQL refuses to run as root; as any other user the binaries run as that user directly.
function asServiceUser(command, args) {
  return isRoot() ? [runuser(), ['-u', SERVICE_USER, '--', command, ...args]] : [command, args]
}

function run(command, args, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: NEUTRAL_CWD, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => reject(new Error(`${label}: could not run ${command}: ${error.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout)
      const detail = (stderr.trim() || stdout.trim() || '(no output)').split('\n').slice(-15).join('\n')
      reject(new Error(`${label} failed (${signal ?? `exit ${code}`}):\n${detail}`))
    })
  })
}

const runAsServiceUser = (command, args, label) => run(...asServiceUser(command, args), label)

function shellQuote(value) {
  return `'${String(value).replaceAll("'", `'\\''`)}'`
}

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Server folder

// The Debian package creates the user in /etc/passwd; `id` covers users from other sources (LDAP).
function serviceUserIds() {
  let passwd = ''
  try {
    passwd = fs.readFileSync('/etc/passwd', 'utf8')
  } catch {
    // fall through to id
  }
  const entry = passwd.split('\n').find((line) => line.startsWith(`${SERVICE_USER}:`))
  if (entry) {
    const [, , uid, gid] = entry.split(':')
    return { uid: Number(uid), gid: Number(gid) }
  }
  const id = (flag) => spawnSync('id', [flag, SERVICE_USER], { encoding: 'utf8', env: childEnv() })
  const [uid, gid] = [id('-u'), id('-g')]
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(`Running as root, but there is no '${SERVICE_USER}' user to run PostgreSQL as. ${INSTALL_HINT}`)
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) }
}

async function handDirToServiceUser(dir) {
  if (!isRoot()) return
  const { uid, gid } = serviceUserIds()
  await fsp.chown(dir, uid, gid)
  // chown is not enough when a parent of TMPDIR is closed to the postgres user (e.g. /root/tmp).
  const [command, args] = asServiceUser('test', ['-w', dir])
  const probe = spawnSync(command, args, { cwd: NEUTRAL_CWD, env: childEnv() })
  if (probe.error) throw new Error(`Could not run ${command} to drop root for PostgreSQL: ${probe.error.message}`)
  if (probe.status !== 0) {
    throw new Error(
      `The ${SERVICE_USER} user cannot write ${dir}: a parent folder is closed to it. ` +
        `Point TMPDIR at a folder it can reach, e.g. TMPDIR=/tmp.`,
    )
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup when the process ends without calling stop()

// The 'exit' and signal handlers cannot run on SIGKILL (or an OOM kill), so a detached shell holds
// the read end of a pipe from this process: the kernel closes the write end however this process
// dies, `read` returns, and the shell stops the server and removes its folder. stop() writes
// "done" first, so a normal stop leaves the watchdog nothing to do.
// initdb and pg_ctl start outlive a killed parent: the first sweep makes them fail, and initdb's
// own cleanup can then leave the folder behind, so sweeping repeats until the folder stays gone.
const WATCHDOG_SCRIPT = (stopPrefix) => `
read -r word
[ "$word" = done ] && exit 0
sweep() {
  [ -f "$2/postmaster.pid" ] && ${stopPrefix} "$1" stop -D "$2" -m immediate -w >/dev/null 2>&1
  rm -rf "$3" 2>/dev/null
}
sweep "$@"
for _ in 1 2 3 4 5 6 7 8 9 10; do
  sleep 1
  [ -e "$3" ] || exit 0
  sweep "$@"
done
`

function startWatchdog(server) {
  const stopPrefix = isRoot() ? `${runuser()} -u ${SERVICE_USER} --` : ''
  const pgCtl = path.join(server.binDir, 'pg_ctl')
  const watchdog = spawn(
    '/bin/sh',
    ['-c', WATCHDOG_SCRIPT(stopPrefix), 'watchdog', pgCtl, server.dataDir, server.dir],
    {
      cwd: NEUTRAL_CWD,
      env: childEnv(),
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  )
  watchdog.on('error', () => {})
  watchdog.stdin.on('error', () => {})
  // Neither the watchdog nor its pipe may keep a finished script alive.
  watchdog.stdin.unref()
  watchdog.unref()
  return watchdog
}

function dismissWatchdog(server) {
  if (server.watchdog?.stdin.writable) server.watchdog.stdin.end('done\n')
}

const live = new Set()

function stopNow(server) {
  const [command, args] = asServiceUser(path.join(server.binDir, 'pg_ctl'), [
    'stop',
    '-D',
    server.dataDir,
    '-m',
    'immediate',
    '-w',
  ])
  spawnSync(command, args, { cwd: NEUTRAL_CWD, env: childEnv(), stdio: 'ignore', timeout: 15_000 })
  fs.rmSync(server.dir, { recursive: true, force: true })
}

function onExit() {
  for (const server of live) stopNow(server)
  live.clear()
}

// A caller with its own handler for this signal owns the shutdown (e.g. scripts/postgres.mjs lets
// its command finish first); 'exit' and the watchdog still clean up after it. Otherwise stop now
// and die of the same signal, as the process would have without this handler.
function onSignal(signal) {
  const callerHandles = process.listeners(signal).some((listener) => !listener[OWN_HANDLER])
  if (callerHandles) return
  onExit()
  removeProcessHandlers()
  process.kill(process.pid, signal)
}
onExit[OWN_HANDLER] = true
onSignal[OWN_HANDLER] = true

function addProcessHandlers() {
  process.on('exit', onExit)
  for (const signal of SIGNALS) process.on(signal, onSignal)
}

function removeProcessHandlers() {
  process.off('exit', onExit)
  for (const signal of SIGNALS) process.off(signal, onSignal)
}

function track(server) {
  live.add(server)
  if (live.size === 1) addProcessHandlers()
}

function untrack(server) {
  if (live.delete(server) && live.size === 0) removeProcessHandlers()
}

// ---------------------------------------------------------------------------------------------
// Start and stop

function initdb(server) {
  return runAsServiceUser(
    path.join(server.binDir, 'initdb'),
    ['-D', server.dataDir, '-U', SERVICE_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    'initdb',
  )
}

function serverLogTail(server) {
  try {
    return fs.readFileSync(path.join(server.dir, 'log'), 'utf8').trim().split('\n').slice(-15).join('\n')
  } catch {
    return '(no server log)'
  }
}

async function startOnFreePort(server, log) {
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort()
    // -k: the socket goes in our folder, not Debian's /var/run/postgresql (root-owned, shared).
    const options = `-k ${shellQuote(server.dir)} -h ${HOST} -p ${port} ${SERVER_SETTINGS}`
    const args = ['-D', server.dataDir, '-l', path.join(server.dir, 'log'), '-o', options, '-w', 'start']
    try {
      await runAsServiceUser(path.join(server.binDir, 'pg_ctl'), args, 'pg_ctl start')
      return port
    } catch (error) {
      const tail = serverLogTail(server)
      if (attempt < START_ATTEMPTS && /could not bind|already in use/i.test(tail)) {
        log(`port ${port} was taken before postgres bound it; trying another`)
        continue
      }
      throw new Error(`${error.message}\nServer log (${path.join(server.dir, 'log')}):\n${tail}`)
    }
  }
}

async function stopServer(server) {
  const pgCtl = path.join(server.binDir, 'pg_ctl')
  try {
    await runAsServiceUser(pgCtl, ['stop', '-D', server.dataDir, '-m', 'fast', '-w'], 'pg_ctl stop')
  } catch {
    // Not running (never started, or already gone) is fine; anything still holding the folder is not.
    if (fs.existsSync(path.join(server.dataDir, 'postmaster.pid'))) {
      await runAsServiceUser(pgCtl, ['stop', '-D', server.dataDir, '-m', 'immediate', '-w'], 'pg_ctl stop').catch(
        () => {},
      )
    }
  }
  await fsp.rm(server.dir, { recursive: true, force: true })
  dismissWatchdog(server)
  untrack(server)
}

/**
 * Starts a fresh PostgreSQL server with an empty `fanloop` database.
 * @param {{ log?: (message: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, dataDir: string, pgbench: string, psql: string,
 *   stop: () => Promise<void> }>}
 */
export async function startThrowawayPostgres({ log = () => {} } = {}) {
  const startedAt = performance.now()
  const binDir = requireBinDir()
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fanloop-pg-'))
  const server = { binDir, dir, dataDir: path.join(dir, 'data'), watchdog: null }
  // Guarded from the moment the folder exists, so even a failed or interrupted start leaves nothing.
  track(server)
  server.watchdog = startWatchdog(server)
  let stopping
  const stop = () => (stopping ??= stopServer(server))
  try {
    await handDirToServiceUser(dir)
    log(`initdb in ${server.dataDir} (${binDir})`)
    await initdb(server)
    const port = await startOnFreePort(server, log)
    const url = await createDatabase(`postgres://${SERVICE_USER}@${HOST}:${port}/postgres`, DATABASE)
    log(`ready at ${url} in ${Math.round(performance.now() - startedAt)} ms`)
    return {
      url,
      port,
      dataDir: server.dataDir,
      pgbench: path.join(binDir, 'pgbench'),
      psql: path.join(binDir, 'psql'),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// Databases on a running server

function quoteIdent(name) {
  if (typeof name !== 'string' || name === '') throw new Error(`database name must be a non-empty string`)
  return `"${name.replaceAll('"', '""')}"`
}

function withDatabase(url, name) {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(name)}`
  return parsed.toString()
}

// Connects to the maintenance database, since a database cannot be created or dropped from inside it.
function runAdminSql(url, sql, label) {
  const psql = path.join(requireBinDir(), 'psql')
  return run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', withDatabase(url, 'postgres'), '-c', sql], label)
}

/** Creates database `name` on the server at `url`; returns the URL of the new database. */
export async function createDatabase(url, name) {
  await runAdminSql(url, `CREATE DATABASE ${quoteIdent(name)}`, `createDatabase(${name})`)
  return withDatabase(url, name)
}

/** Drops database `name` if it exists, disconnecting anyone still using it (tests often leave pools open). */
export async function dropDatabase(url, name) {
  await runAdminSql(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`, `dropDatabase(${name})`)
}
