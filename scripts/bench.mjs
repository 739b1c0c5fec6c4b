#!/usr/bin/env node
// `npm run bench`: every benchmark of the project in one go, then one table with each goal of issue #11
// printed pass / fail. Each benchmark still runs alone (npm run bench:size, bench:lighthouse, bench:render,
// bench:api, with more options); this runs them the way the README's Performance table was made:
//   1. builds the empty Taro app (bench/taro-floor) for weapp and H5 once, and FanLoop for weapp and H5
//      once; every benchmark then measures those same builds (FANLOOP_FLOOR_DIR, --no-build);
//   2. bench:size                 weapp packages, H5 first-screen JS and CSS, next to the empty app;
//   3. bench:lighthouse --runs 3  home, the 社区 feed and the mall interleaved with the empty app, medians,
//                                 accessibility on each and on the 我的 tab;
//   4. bench:render               DOM elements of each tab page, and of the feed with 5,000 posts scrolled to
//                                 the end; the posts placed by the server's seeding function (--seed service:
//                                 seconds, not the ~4 minutes of posting each through the API; the post page
//                                 with 500 comments is left to bench:render alone);
//   5. bench:api, quick variant   PGlite at 1,000 and 10,000 members, 3 s per measure (the full growth run
//                                 with PostgreSQL and 100,000 members is `npm run bench:api` alone).
// Writes bench-results/{size,lighthouse,render,api,summary}.json.
//
// Exit code: 0 when everything was measured and every goal passes; 2 when everything was measured and at
// least one goal fails (the table says which); 1 when something could not be measured (a build, a run, or a
// correctness check of a benchmark failed), whatever the goals say.
//
// Usage: npm run bench [-- --skip lighthouse,api] [-- --posts 5000] [-- --runs 3]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFloor, build, repoRoot, resultsDir } from './lib/taro-build.mjs'
import { goalTable, lighthouseGoals, renderGoals, sizeGoals } from './lib/goals.mjs'
import { kb } from './lib/weapp.mjs'
import { table } from './lib/table.mjs'

const BENCHES = ['size', 'lighthouse', 'render', 'api']
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : fallback
}
const skip = new Set((option('--skip', '') ?? '').split(',').filter(Boolean))
for (const name of skip) if (!BENCHES.includes(name)) throw new Error(`--skip takes ${BENCHES.join(', ')}`)
const posts = option('--posts', '5000')
const runs = option('--runs', '3')

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx')
const COMMANDS = {
  size: [process.execPath, ['scripts/bench-size.mjs', '--no-build']],
  lighthouse: [tsx, ['scripts/bench-lighthouse.ts', '--no-build', '--runs', runs]],
  render: [tsx, ['scripts/bench-render.ts', '--no-build', '--posts', posts, '--comments', '0', '--seed', 'service']],
  api: [tsx, ['scripts/bench-api.ts', '--stores', 'pglite', '--sizes', '1000,10000', '--duration', '3']],
}

function runStep(name, env) {
  const [command, commandArgs] = COMMANDS[name]
  console.log(`\n=== bench:${name}: ${path.basename(command)} ${commandArgs.join(' ')} ===`)
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: repoRoot, env, stdio: 'inherit' })
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? 1, signal, seconds: Math.round((Date.now() - started) / 1000) }),
    )
    child.on('error', (error) => {
      console.error(error)
      resolve({ name, code: 1, signal: null, seconds: Math.round((Date.now() - started) / 1000) })
    })
  })
}

const readJson = (name) => {
  const file = path.join(resultsDir, `${name}.json`)
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null
}
const fmt = (value, digits = 0) => (value === null || value === undefined ? '-' : Number(value).toFixed(digits))
const ratio = (a, b) => (a == null || !b ? '' : `${(a / b).toFixed(2)}x`)

function sizeSection(size) {
  if (!size?.app) return 'size: not measured'
  const { floor, app } = size
  const cap = 2_000_000
  const rows = [
    [
      'weapp main package',
      kb(floor?.weapp.mainBytes ?? 0),
      kb(app.weapp.mainBytes),
      ratio(app.weapp.mainBytes, floor?.weapp.mainBytes),
      `${((app.weapp.mainBytes / cap) * 100).toFixed(1)}%`,
    ],
    ...app.weapp.subPackages.map((sub) => [
      `weapp ${sub.root}`,
      '',
      kb(sub.bytes),
      '',
      `${((sub.bytes / cap) * 100).toFixed(1)}%`,
    ]),
    [
      'weapp total',
      kb(floor?.weapp.totalBytes ?? 0),
      kb(app.weapp.totalBytes),
      ratio(app.weapp.totalBytes, floor?.weapp.totalBytes),
      '',
    ],
    [
      'H5 first-screen JS raw',
      kb(floor?.h5.firstScreen.raw ?? 0),
      kb(app.h5.firstScreen.raw),
      ratio(app.h5.firstScreen.raw, floor?.h5.firstScreen.raw),
      '',
    ],
    [
      'H5 first-screen JS gzip',
      kb(floor?.h5.firstScreen.gzip ?? 0),
      kb(app.h5.firstScreen.gzip),
      ratio(app.h5.firstScreen.gzip, floor?.h5.firstScreen.gzip),
      '',
    ],
    [
      'H5 first-screen CSS raw',
      kb(floor?.h5.firstScreenCss.raw ?? 0),
      kb(app.h5.firstScreenCss.raw),
      ratio(app.h5.firstScreenCss.raw, floor?.h5.firstScreenCss.raw),
      '',
    ],
    [
      'H5 first-screen CSS gzip',
      kb(floor?.h5.firstScreenCss.gzip ?? 0),
      kb(app.h5.firstScreenCss.gzip),
      ratio(app.h5.firstScreenCss.gzip, floor?.h5.firstScreenCss.gzip),
      '',
    ],
  ]
  return table(['size', 'empty app', 'FanLoop', 'ratio', 'share of 2 MB'], rows, { alignRight: [1, 2, 3, 4] })
}

function lighthouseSection(lighthouse) {
  if (!lighthouse?.floor?.median) return 'Lighthouse: not measured'
  const targets = [{ page: 'empty app', median: lighthouse.floor.median }, ...lighthouse.app]
  const rows = targets.map((t) => [
    t.page,
    fmt(t.median?.performance),
    `${fmt((t.median?.fcpMs ?? 0) / 1000, 2)} s`,
    `${fmt((t.median?.lcpMs ?? 0) / 1000, 2)} s`,
    `${fmt(t.median?.tbtMs)} ms`,
    fmt(t.median?.cls, 3),
    fmt(t.median?.accessibility),
  ])
  for (const a of lighthouse.a11yOnly ?? []) rows.push([a.page, '', '', '', '', '', fmt(a.accessibility)])
  return table(
    [`Lighthouse mobile, median of ${lighthouse.runsPerPage}`, 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'accessibility'],
    rows,
    { alignRight: [1, 2, 3, 4, 5, 6] },
  )
}

function renderSection(render) {
  if (!render) return 'rendering: not measured'
  const rows = (render.tabs ?? []).map((t) => [t.page, 'first screen, data loaded', t.domNodes, ''])
  for (const r of render.results ?? [])
    rows.push([
      r.page.split('?')[0],
      `${r.items}, scrolled to the end`,
      r.maxDomNodes,
      `p50 ${r.frameP50} / p95 ${r.frameP95} ms`,
    ])
  return table(['rendering (H5, 390x844)', 'state', 'DOM elements (max)', 'frame time while scrolling'], rows, {
    alignRight: [2],
  })
}

function apiSection(api) {
  if (!api?.results) return 'API: not measured'
  const rows = api.results.map((r) => {
    const main = r.awarded ?? r.all
    return [
      `${r.store} ${r.size}`,
      r.measure + (r.awarded ? ' (awarded)' : ''),
      r.connections,
      Math.round(main.perSecond),
      fmt(main.p50, 1),
      fmt(main.p99, 1),
    ]
  })
  for (const f of api.flash ?? [])
    rows.push([
      `${f.store} ${f.size}`,
      `flash redemption, stock 10`,
      '200 at once',
      `${f.succeeded} ok`,
      `${Math.round(f.ms)} ms all`,
      '',
    ])
  const lines = [
    table(['API (127.0.0.1)', 'measure', 'conns', 'req/s', 'p50 ms', 'p99 ms'], rows, { alignRight: [2, 3, 4, 5] }),
  ]
  for (const g of api.goals ?? [])
    lines.push(
      `server goal (informational here): ${g.store} ${g.measure} p50 at ${g.to} ≤ 2x at ${g.from}: ${g.ratio === null ? '-' : `${g.ratio.toFixed(2)}x`} ${g.pass ? 'pass' : 'FAIL'}`,
    )
  return lines.join('\n')
}

async function main() {
  const started = Date.now()
  const loadBefore = os.loadavg()
  fs.mkdirSync(resultsDir, { recursive: true })
  // Stale results from an earlier run must not stand in for a benchmark that fails now.
  for (const name of [...BENCHES, 'summary']) fs.rmSync(path.join(resultsDir, `${name}.json`), { force: true })

  const problems = []
  const steps = []
  const floor = await buildFloor(['weapp', 'h5'])
  const onSignal = () => {
    floor.remove()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    if (!floor.ok) problems.push('the empty Taro app did not build')
    const needsApp = ['size', 'lighthouse', 'render'].some((name) => !skip.has(name))
    const builds = needsApp ? [['weapp'], ['h5']].filter(([type]) => type === 'h5' || !skip.has('size')) : []
    for (const [type] of builds)
      if (!(await build('fanloop', repoRoot, type))) problems.push(`FanLoop ${type} did not build`)
    const buildSeconds = Math.round((Date.now() - started) / 1000)
    console.log(`builds done in ${buildSeconds} s`)

    const env = { ...process.env, FANLOOP_FLOOR_DIR: floor.dir }
    for (const name of BENCHES) {
      if (skip.has(name)) continue
      // Without a build there is nothing to measure but the API; a benchmark that failed does not stop the next.
      if (problems.some((p) => p.includes('did not build')) && name !== 'api') {
        steps.push({ name, code: 1, seconds: 0, skipped: 'a build failed' })
        continue
      }
      const step = await runStep(name, env)
      steps.push(step)
      if (step.code !== 0) problems.push(`bench:${name} exited ${step.signal ?? step.code}`)
    }
    steps.unshift({ name: 'builds', code: problems.some((p) => p.includes('build')) ? 1 : 0, seconds: buildSeconds })
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    floor.remove()
  }

  const size = readJson('size')
  const lighthouse = readJson('lighthouse')
  const render = readJson('render')
  const api = readJson('api')
  const goals = [
    ...(skip.has('size') ? [] : sizeGoals(size)),
    ...(skip.has('lighthouse') ? [] : lighthouseGoals(lighthouse)),
    ...(skip.has('render') ? [] : renderGoals(render)),
  ]
  for (const [name, report] of [
    ['size', size],
    ['lighthouse', lighthouse],
    ['render', render],
    ['api', api],
  ])
    if (!skip.has(name) && !report) problems.push(`bench:${name} wrote no report`)
  if (goals.some((g) => g.verdict === 'n/a')) problems.push('some goals could not be evaluated (n/a)')

  const seconds = Math.round((Date.now() - started) / 1000)
  const loadAfter = os.loadavg()
  console.log('\n================ npm run bench ================')
  console.log(`${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}, ${seconds} s`)
  if (Math.max(loadBefore[0] ?? 0, loadAfter[0] ?? 0) > os.cpus().length)
    console.log(
      `note: load average ${fmt(loadBefore[0], 1)} -> ${fmt(loadAfter[0], 1)} on ${os.cpus().length} cores: other work ` +
        'competed with the benchmarks (timings and TBT suffer; sizes and DOM counts do not)',
    )
  for (const section of [
    skip.has('size') ? null : sizeSection(size),
    skip.has('lighthouse') ? null : lighthouseSection(lighthouse),
    skip.has('render') ? null : renderSection(render),
    skip.has('api') ? null : apiSection(api),
  ])
    if (section) console.log(`\n${section}`)
  console.log(`\n${goalTable(goals)}`)
  console.log(
    `\n${table(
      ['step', 'exit', 'seconds'],
      steps.map((s) => [s.name, s.skipped ?? s.code, s.seconds]),
      { alignRight: [2] },
    )}`,
  )

  const failed = goals.filter((g) => g.verdict === 'FAIL')
  const summary = {
    measuredAt: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    seconds,
    steps,
    goals,
    problems,
    exitCode: problems.length ? 1 : failed.length ? 2 : 0,
  }
  fs.writeFileSync(path.join(resultsDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
  if (problems.length)
    console.error(`\nnpm run bench: NOT everything was measured:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  console.log(
    `\n${goals.length - failed.length} of ${goals.length} goals pass${failed.length ? `; failing: ${[...new Set(failed.map((g) => g.goal))].join('; ')}` : ''} (${seconds} s)`,
  )
  process.exitCode = summary.exitCode
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
