#!/usr/bin/env node
// How much FanLoop weighs next to an empty Taro app built the same way, on the same machine, in
// the same run: the mini-program main package (what WeChat downloads before the first page) and
// the JS an H5 visitor downloads before the first screen (see scripts/lib/h5.mjs for how that set
// is found). Ratios to the floor keep the numbers meaningful across Taro upgrades.
//
// Usage: npm run bench:size [-- --no-build] [-- --entry-page pages/home/index]
//   --no-build    reuse FanLoop's dist/weapp and dist/h5 when both exist (the floor is built unless
//                 FANLOOP_FLOOR_DIR names a build of it)
//   --entry-page  measure another H5 page than the app config's entry page
// Writes bench-results/size.json with the goals of scripts/lib/budgets.mjs evaluated (and refreshes the floor
// figures that npm test's gates use, .cache/floor); exits 1 when a build or a measurement fails, 0 otherwise:
// goals are printed pass / fail and `npm run bench` decides on them.
import fs from 'node:fs'
import path from 'node:path'
import { BUDGETS, GATES } from './lib/budgets.mjs'
import { goalTable, sizeGoals } from './lib/goals.mjs'
import { floorKey, saveFloorFigures } from './lib/floor.mjs'
import { kb, packageSizes } from './lib/weapp.mjs'
import { h5AllJs, h5FirstScreen, h5FirstScreenCss } from './lib/h5.mjs'
import { table } from './lib/table.mjs'
import { build, buildFloor, repoRoot, resultsDir } from './lib/taro-build.mjs'

const args = process.argv.slice(2)
const noBuild = args.includes('--no-build')
const entryFlag = args.indexOf('--entry-page')
const entryPage = entryFlag >= 0 ? args[entryFlag + 1] : undefined

function measure(root) {
  const weapp = packageSizes(path.join(root, 'dist/weapp'))
  return {
    weapp: {
      mainBytes: weapp.main.bytes,
      subPackages: weapp.subPackages.map((sub) => ({ root: sub.root, bytes: sub.bytes, files: sub.files })),
      totalBytes: weapp.total,
    },
    h5: {
      firstScreen: h5FirstScreen(path.join(root, 'dist/h5'), { entryPage }),
      firstScreenCss: h5FirstScreenCss(path.join(root, 'dist/h5')),
      allJs: h5AllJs(path.join(root, 'dist/h5')),
    },
  }
}

const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}x` : '')

async function main() {
  const started = Date.now()
  const failures = []

  const floor = await buildFloor(['weapp', 'h5'])
  let floorResult = null
  try {
    if (floor.ok) {
      floorResult = measure(floor.dir)
      saveFloorFigures(
        {
          weappMainBytes: floorResult.weapp.mainBytes,
          weappTotalBytes: floorResult.weapp.totalBytes,
          h5FirstScreenRawBytes: floorResult.h5.firstScreen.raw,
          h5FirstScreenGzipBytes: floorResult.h5.firstScreen.gzip,
        },
        floorKey(),
      )
    } else failures.push('the reference app did not build')
  } finally {
    floor.remove()
  }

  const haveDist =
    fs.existsSync(path.join(repoRoot, 'dist/weapp/app.json')) &&
    fs.existsSync(path.join(repoRoot, 'dist/h5/index.html'))
  let appBuilt = true
  if (noBuild && haveDist) {
    console.log('FanLoop: reusing dist/weapp and dist/h5 (--no-build)')
  } else {
    if (noBuild) console.log('FanLoop: --no-build given but dist/ is incomplete, building')
    appBuilt = (await build('fanloop', repoRoot, 'weapp')) && (await build('fanloop', repoRoot, 'h5'))
    if (!appBuilt) failures.push('FanLoop did not build')
  }

  let app = null
  if (appBuilt) {
    try {
      app = measure(repoRoot)
    } catch (error) {
      failures.push(`measuring FanLoop failed: ${error.message}`)
    }
  }

  const rows = []
  const budgetCell = (bytes, budget) => (budget ? `${kb(budget)} ${bytes > budget ? 'OVER' : 'ok'}` : '')
  const row = (label, floorBytes, appBytes, budget) => [
    label,
    floorBytes == null ? '-' : kb(floorBytes),
    appBytes == null ? '-' : kb(appBytes),
    floorBytes && appBytes != null ? ratio(appBytes, floorBytes) : '',
    appBytes == null ? '' : budgetCell(appBytes, budget),
    '',
  ]
  const share = (bytes) => `${((bytes / BUDGETS.weappSubPackageBytes) * 100).toFixed(1)}% of 2 MB`
  const gateOf = (floorBytes, ratio) => (floorBytes ? Math.floor(floorBytes * ratio) : undefined)
  // The last column: what share of WeChat's 2 MB cap each package takes.
  const withShare = (cells, bytes) => [...cells.slice(0, -1), bytes == null ? '' : share(bytes)]
  rows.push(
    withShare(
      row(
        'weapp main package',
        floorResult?.weapp.mainBytes,
        app?.weapp.mainBytes,
        gateOf(floorResult?.weapp.mainBytes, GATES.weappMainRatio),
      ),
      app?.weapp.mainBytes,
    ),
  )
  for (const sub of app?.weapp.subPackages ?? [])
    rows.push(withShare(row(`weapp subpackage ${sub.root}`, null, sub.bytes), sub.bytes))
  rows.push(row('weapp total', floorResult?.weapp.totalBytes, app?.weapp.totalBytes))
  rows.push(row('H5 first-screen JS raw', floorResult?.h5.firstScreen.raw, app?.h5.firstScreen.raw))
  rows.push(
    row(
      'H5 first-screen JS gzip',
      floorResult?.h5.firstScreen.gzip,
      app?.h5.firstScreen.gzip,
      gateOf(floorResult?.h5.firstScreen.gzip, GATES.h5FirstScreenGzipRatio),
    ),
  )
  rows.push(row('H5 first-screen CSS raw', floorResult?.h5.firstScreenCss.raw, app?.h5.firstScreenCss.raw))
  rows.push(row('H5 first-screen CSS gzip', floorResult?.h5.firstScreenCss.gzip, app?.h5.firstScreenCss.gzip))
  rows.push(row('H5 all JS gzip', floorResult?.h5.allJs.gzip, app?.h5.allJs.gzip))

  console.log('')
  console.log(
    table(['measure', 'empty app', 'FanLoop', 'ratio', 'npm test gate', 'WeChat cap'], rows, { alignRight: [1, 2, 3] }),
  )
  for (const [label, result] of [
    ['floor', floorResult],
    ['FanLoop', app],
  ]) {
    if (!result) continue
    const fs1 = result.h5.firstScreen
    console.log(`\n${label} H5 first screen = index.html scripts + the chunks of ${fs1.entryPage}:`)
    console.log(
      table(
        ['file', 'loaded by', 'raw', 'gzip'],
        fs1.files.map((f) => [f.file, f.role, kb(f.raw), kb(f.gzip)]),
        { alignRight: [2, 3] },
      ),
    )
  }

  const goals = sizeGoals({ floor: floorResult, app })
  console.log('')
  console.log(goalTable(goals))

  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    units: 'bytes; KB in the printed table = 1000 bytes; gzip = zlib level 9 per file, summed',
    budgets: BUDGETS,
    gates: GATES,
    goals,
    floor: floorResult,
    app,
    ratios:
      app && floorResult
        ? {
            weappMain: app.weapp.mainBytes / floorResult.weapp.mainBytes,
            h5FirstScreenRaw: app.h5.firstScreen.raw / floorResult.h5.firstScreen.raw,
            h5FirstScreenGzip: app.h5.firstScreen.gzip / floorResult.h5.firstScreen.gzip,
          }
        : null,
    failures,
    ok: failures.length === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  fs.writeFileSync(path.join(resultsDir, 'size.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(resultsDir, 'size.json'))}`)

  if (failures.length) {
    console.error(`bench:size FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`bench:size OK (measured; goals: ${goals.filter((g) => g.verdict !== 'pass').length} not met)`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
