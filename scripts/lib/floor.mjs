// The empty Taro app's sizes (bench/taro-floor), for the size gates of `npm test`: check:weapp and check:h5
// hold FanLoop to a ratio of these figures rather than to fixed bytes, so a Taro or React upgrade moves the
// gate with the floor and a feature that bloats the first screen still fails.
// Building the floor costs two production builds (~50 s of CPU on 2 cores), so its figures are kept in
// .cache/floor/<key>.json, keyed by everything that decides them: the floor's sources, package-lock.json
// and the Node major. A fresh clone builds it once; later runs read the file.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFloor, floorSource, repoRoot } from './taro-build.mjs'
import { packageSizes } from './weapp.mjs'
import { h5FirstScreen } from './h5.mjs'

const cacheDir = path.join(repoRoot, '.cache/floor')

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        !/(^|\/)(node_modules|dist|\.swc)\//.test(path.join(entry.parentPath ?? entry.path, entry.name)),
    )
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}

export function floorKey() {
  const hash = crypto.createHash('sha256')
  for (const file of filesUnder(floorSource)) {
    hash.update(path.relative(floorSource, file))
    hash.update(fs.readFileSync(file))
  }
  const lock = path.join(repoRoot, 'package-lock.json')
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock))
  hash.update(process.versions.node.split('.')[0] ?? '')
  return hash.digest('hex').slice(0, 16)
}

/** The figures the gates use, measured on a built floor (`dir` holds dist/weapp and dist/h5). */
export function measureFloor(dir) {
  const weapp = packageSizes(path.join(dir, 'dist/weapp'))
  const firstScreen = h5FirstScreen(path.join(dir, 'dist/h5'))
  return {
    weappMainBytes: weapp.main.bytes,
    weappTotalBytes: weapp.total,
    h5FirstScreenRawBytes: firstScreen.raw,
    h5FirstScreenGzipBytes: firstScreen.gzip,
  }
}

export function saveFloorFigures(figures, key = floorKey()) {
  fs.mkdirSync(cacheDir, { recursive: true })
  const file = path.join(cacheDir, `${key}.json`)
  fs.writeFileSync(file, `${JSON.stringify({ key, measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`)
  return file
}

/**
 * The floor's figures, from the cache or by building it now. Two checks that run side by side (check:weapp and
 * check:h5 in `npm test`) take a lock file so only one builds; the other waits for its result.
 */
export async function floorFigures({ log = console.log } = {}) {
  const key = floorKey()
  const file = path.join(cacheDir, `${key}.json`)
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8'))
  if (fs.existsSync(file)) return { ...read(), cached: true }
  fs.mkdirSync(cacheDir, { recursive: true })
  const lock = path.join(cacheDir, `${key}.lock`)
  let fd = null
  try {
    fd = fs.openSync(lock, 'wx')
  } catch {
    // Another process is building it: wait for its file (or for its lock to go stale).
    const deadline = Date.now() + 5 * 60_000
    while (Date.now() < deadline) {
      if (fs.existsSync(file)) return { ...read(), cached: true }
      if (!fs.existsSync(lock)) break
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    if (fs.existsSync(file)) return { ...read(), cached: true }
    fs.rmSync(lock, { force: true })
    return floorFigures({ log })
  }
  try {
    log(`floor: no figures for key ${key} in ${path.relative(repoRoot, cacheDir)}, building the empty Taro app once`)
    const floor = await buildFloor(['weapp', 'h5'])
    try {
      if (!floor.ok)
        throw new Error('the empty Taro app (bench/taro-floor) did not build: see bench-results/logs/floor-*.log')
      const figures = measureFloor(floor.dir)
      saveFloorFigures(figures, key)
      return { key, ...figures, cached: false }
    } finally {
      floor.remove()
    }
  } finally {
    fs.closeSync(fd)
    fs.rmSync(lock, { force: true })
  }
}

// `node scripts/lib/floor.mjs`: the figures, building the floor when they are not cached (npm test's `floor` step,
// so check:weapp and check:h5 find them ready).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  floorFigures()
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error) => {
      console.error(`floor FAILED: ${error.message}`)
      process.exitCode = 1
    })
}
