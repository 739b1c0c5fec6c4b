// Production builds for the benchmarks: FanLoop itself, and the empty Taro app that every number is
// compared with (bench/taro-floor, a copy of ../shared/bench/taro-floor kept in the repo so a fresh clone
// can build it), built with FanLoop's own node_modules on the same machine in the same run. Shared by
// bench-size (weapp + h5), bench-lighthouse (h5 only) and the size gates of `npm test` (scripts/lib/floor.mjs).
// FANLOOP_FLOOR_DIR names a floor already built (dist/weapp and dist/h5): `npm run bench` builds it once
// and every benchmark it runs measures that same build.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const floorSource = path.join(repoRoot, 'bench/taro-floor')
export const resultsDir = path.join(repoRoot, 'bench-results')
export const logsDir = path.join(resultsDir, 'logs')
const taroBin = path.join(repoRoot, 'node_modules/@tarojs/cli/bin/taro')

// Builds are noisy and long; their output goes to a log, and only its tail is shown on failure.
export function build(label, cwd, type) {
  fs.mkdirSync(logsDir, { recursive: true })
  const logFile = path.join(logsDir, `${label}-${type}.log`)
  const log = fs.openSync(logFile, 'w')
  const env = { ...process.env }
  // A stray NODE_ENV/TARO_ENV from the caller's shell would change what taro builds; let the CLI
  // pick them as `npm run build:*` does.
  delete env.NODE_ENV
  delete env.TARO_ENV
  const started = Date.now()
  process.stdout.write(`building ${label} ${type} ... `)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [taroBin, 'build', '--type', type], { cwd, env, stdio: ['ignore', log, log] })
    child.on('close', (code, signal) => {
      fs.closeSync(log)
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        console.log(`ok (${seconds} s)`)
        resolve(true)
        return
      }
      console.log(`FAILED (${signal ?? `exit ${code}`}, ${seconds} s), log: ${path.relative(repoRoot, logFile)}`)
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')
      console.log(tail.replace(/^/gm, '  | '))
      resolve(false)
    })
  })
}

// A copy of the floor in a temp dir, built for each of `types` in turn (stopping at the first
// failure). The caller measures `${dir}/dist/<type>` and then calls remove().
export async function buildFloor(types = ['weapp', 'h5']) {
  const prebuilt = process.env.FANLOOP_FLOOR_DIR
  if (prebuilt) {
    const missing = types.filter((type) => !fs.existsSync(path.join(prebuilt, 'dist', type)))
    if (missing.length) throw new Error(`FANLOOP_FLOOR_DIR=${prebuilt} has no dist/${missing.join(', dist/')}`)
    console.log(`floor: reusing the build in ${prebuilt} (FANLOOP_FLOOR_DIR)`)
    // Someone else's build: not ours to remove.
    return { dir: prebuilt, ok: true, remove: () => {} }
  }
  if (!fs.existsSync(floorSource)) throw new Error(`reference app not found at ${floorSource}`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-floor-'))
  const remove = () => fs.rmSync(dir, { recursive: true, force: true })
  try {
    fs.cpSync(floorSource, dir, {
      recursive: true,
      filter: (src) => !['node_modules', 'dist', '.swc'].includes(path.basename(src)),
    })
    // Same Taro, React and webpack versions as FanLoop, so its node_modules builds the floor too.
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  } catch (error) {
    remove()
    throw error
  }
  let ok = true
  for (const type of types) {
    ok = await build('floor', dir, type)
    if (!ok) break
  }
  return { dir, ok, remove }
}
