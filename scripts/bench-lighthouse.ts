// Lighthouse (mobile: Moto G Power emulation, simulated slow 4G and 4x CPU slowdown) on the H5
// production build, next to the empty Taro app (bench/taro-floor) built and served the
// same way in the same run. Both are served gzipped from 127.0.0.1 by the e2e harness; FanLoop's
// /api goes to an in-memory mock server (test/e2e/support/stack.ts), so the page shows real data.
// Floor and FanLoop runs alternate (floor, page 1, page 2, floor, ...) so a machine that slows down
// during the run weighs on both sides alike.
//
// The first round scores accessibility too (Lighthouse's axe-core audits; the score does not depend on timing,
// so later rounds leave it out); pages given with --a11y-page are audited for accessibility alone, once.
//
// Usage: npm run bench:lighthouse [-- --runs 3] [-- --no-build] [-- --page pages/home/index ...]
//          [-- --a11y-page pages/me/index ...]
//   --runs N       Lighthouse runs per page (median reported), default 1; ~20-40 s each on 2 cores
//   --no-build     reuse dist/h5 when it exists (the floor is built unless FANLOOP_FLOOR_DIR names a build)
//   --page P       a FanLoop page to measure (repeatable); default home, the 社区 feed and the mall
//   --a11y-page P  a FanLoop page audited for accessibility only (repeatable); default the 我的 tab
// Writes bench-results/lighthouse.json (+ the full reports in bench-results/lighthouse/) with the goals of
// scripts/lib/budgets.mjs evaluated; exits 1 when a build or a Lighthouse run fails (a measurement that
// could not be made), 0 otherwise: goals are printed pass / fail, and `npm run bench` decides on them.
// Not part of `npm test`: speed is judged here, on medians, not by timed tests.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { EARLY_READS } from '../config/early-reads'
import { GOALS } from './lib/budgets.mjs'
import { goalTable, lighthouseGoals } from './lib/goals.mjs'
import { table } from './lib/table.mjs'
import { build, buildFloor, repoRoot, resultsDir } from './lib/taro-build.mjs'

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const lighthouseCli = path.join(repoRoot, 'node_modules/lighthouse/cli/index.js')
const reportsDir = path.join(resultsDir, 'lighthouse')
const distH5 = path.join(repoRoot, 'dist/h5')
/** One run takes ~40 s here; past this it is stuck (Chrome hung, page never settles). */
const RUN_TIMEOUT_MS = 150_000

type Options = { runs: number; noBuild: boolean; pages: string[]; a11yPages: string[] }

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 1, noBuild: false, pages: [], a11yPages: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === '--runs') options.runs = Number(value())
    else if (arg === '--no-build') options.noBuild = true
    else if (arg === '--page') options.pages.push(value().replace(/^\/+/, ''))
    else if (arg === '--a11y-page') options.a11yPages.push(value().replace(/^\/+/, ''))
    else throw new Error(`unknown option ${arg} (see the header of scripts/bench-lighthouse.ts)`)
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 9)
    throw new Error('--runs must be a whole number from 1 to 9')
  if (options.pages.length === 0) options.pages = ['pages/home/index', 'pages/community/index', 'pages/mall/index']
  if (options.a11yPages.length === 0) options.a11yPages = ['pages/me/index']
  return options
}

// The parts of a Lighthouse result (LHR) read here.
type Lhr = {
  lighthouseVersion: string
  finalDisplayedUrl?: string
  runtimeError?: { code: string; message: string }
  runWarnings?: string[]
  environment?: { hostUserAgent?: string }
  configSettings?: { formFactor?: string; throttlingMethod?: string; throttling?: Record<string, number> }
  categories: { performance?: { score: number | null }; accessibility?: { score: number | null } }
  audits: Record<string, { numericValue?: number; details?: { items?: unknown[] } } | undefined>
}

type Metrics = {
  performance: number | null
  accessibility: number | null
  fcpMs: number | null
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  speedIndexMs: number | null
  /** Bytes over the wire (gzip), all requests of the page load. */
  transferBytes: number | null
  requests: number | null
  /**
   * Where the main thread's time went during the load (Lighthouse's mainthread-work-breakdown, scaled to the
   * simulated 4x slower CPU): JavaScript (parse, compile, run) and style + layout. They say what TBT is made of:
   * FanLoop lays out Chinese text, and each layout that meets characters not yet shaped pays for their glyphs.
   */
  scriptMs: number | null
  styleLayoutMs: number | null
}
const METRIC_KEYS = [
  'performance',
  'accessibility',
  'fcpMs',
  'lcpMs',
  'tbtMs',
  'cls',
  'speedIndexMs',
  'transferBytes',
  'requests',
  'scriptMs',
  'styleLayoutMs',
] as const satisfies readonly (keyof Metrics)[]

function metricsOf(lhr: Lhr): Metrics {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null
  const score = lhr.categories.performance?.score
  const a11y = lhr.categories.accessibility?.score
  return {
    performance: typeof score === 'number' ? Math.round(score * 100) : null,
    accessibility: typeof a11y === 'number' ? Math.round(a11y * 100) : null,
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    speedIndexMs: numeric('speed-index'),
    transferBytes: numeric('total-byte-weight'),
    requests: lhr.audits['network-requests']?.details?.items?.length ?? null,
    scriptMs: mainThreadMs(lhr, ['scriptEvaluation', 'scriptParseCompile']),
    styleLayoutMs: mainThreadMs(lhr, ['styleLayout']),
  }
}

function mainThreadMs(lhr: Lhr, groups: string[]): number | null {
  const items = lhr.audits['mainthread-work-breakdown']?.details?.items as { group?: string; duration?: number }[]
  if (!items) return null
  return items.filter((item) => groups.includes(item.group ?? '')).reduce((sum, item) => sum + (item.duration ?? 0), 0)
}

function median(values: (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Each metric's own median over the runs (so the median score need not come from the median LCP run). */
function medianMetrics(runs: Metrics[]): Metrics {
  const out = {} as Metrics
  for (const key of METRIC_KEYS) out[key] = median(runs.map((run) => run[key]))
  return out
}

// Lighthouse runs in its own process: its trace processing would otherwise share the event loop
// with the servers it measures. It starts and stops its own Chromium; SIGINT is what makes it stop
// that Chromium too (chrome-launcher's handler), so a stuck run gets SIGINT first.
let running: ChildProcess | null = null

function runLighthouse(url: string, outFile: string, categories = 'performance,accessibility'): Promise<Lhr> {
  fs.rmSync(outFile, { force: true })
  const args = [
    lighthouseCli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    `--only-categories=${categories}`,
    '--form-factor=mobile',
    '--quiet',
    // Never ask, never send crash reports anywhere: this runs on loopback only.
    '--no-enable-error-reporting',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running = child
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGINT')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    }, RUN_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      running = null
      const tail = output.trim().split('\n').slice(-15).join('\n')
      if (timedOut) return reject(new Error(`Lighthouse took over ${RUN_TIMEOUT_MS / 1000} s on ${url}\n${tail}`))
      if (!fs.existsSync(outFile))
        return reject(new Error(`Lighthouse ended (${signal ?? `exit ${code}`}) without a report for ${url}\n${tail}`))
      const lhr = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Lhr
      if (lhr.runtimeError)
        return reject(new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`))
      if (code !== 0) return reject(new Error(`Lighthouse exited ${signal ?? code} on ${url}\n${tail}`))
      resolve(lhr)
    })
  })
}

// The static server gzips a file on its first request (level 9, synchronously): do that before
// measuring so the first run's timings are not a cold-cache artefact.
async function warmUp(origin: string, distDir: string): Promise<void> {
  const files: string[] = ['/']
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(distDir, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`
      if (entry.isDirectory()) walk(child)
      else if (/\.(js|css|html|svg|json)$/.test(entry.name)) files.push(child)
    }
  }
  walk('')
  for (const file of files) {
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${origin}${file}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        res.resume()
        res.on('end', () => resolve())
      })
      request.setTimeout(10_000, () => request.destroy(new Error(`warm-up of ${file} timed out`)))
      request.on('error', reject)
    })
  }
}

// The API as a phone finds a live server: warm. The mock's first answer to each read plans its queries and warms
// PGlite's WebAssembly (2-3x the CPU of later answers, ~35 ms over a tab's first reads); on 2 cores that work would
// compete with Chromium during FanLoop's first measured load alone (the empty app reads no API), and Lighthouse's
// simulation multiplies what the page loses by its 4x CPU slowdown. The reads are the ones each tab starts first
// (config/early-reads.ts), through the static server's /api proxy as the page asks them.
async function warmUpApi(appApiBase: string, pages: string[]): Promise<void> {
  for (const page of pages) {
    for (const read of EARLY_READS[page] ?? []) {
      for (let round = 0; round < 3; round++) {
        const response = await fetch(`${appApiBase}${read}`, { signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`warm-up of ${read} answered ${response.status}`)
      }
    }
  }
}

type Target = { label: string; page: string; url: string; runs: Metrics[]; median: Metrics | null }

const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(2)} s`)
const millis = (ms: number | null) => (ms === null ? '-' : `${Math.round(ms)} ms`)
const FORMAT: Record<(typeof METRIC_KEYS)[number], { label: string; format: (v: number | null) => string }> = {
  performance: { label: 'performance score', format: (v) => (v === null ? '-' : String(Math.round(v))) },
  accessibility: { label: 'accessibility score', format: (v) => (v === null ? '-' : String(Math.round(v))) },
  fcpMs: { label: 'FCP', format: seconds },
  lcpMs: { label: 'LCP', format: seconds },
  tbtMs: { label: 'TBT', format: millis },
  cls: { label: 'CLS', format: (v) => (v === null ? '-' : v.toFixed(3)) },
  speedIndexMs: { label: 'Speed Index', format: seconds },
  transferBytes: { label: 'transferred (gzip)', format: (v) => (v === null ? '-' : `${(v / 1000).toFixed(1)} KB`) },
  requests: { label: 'requests', format: (v) => (v === null ? '-' : String(v)) },
  scriptMs: { label: 'main thread: script', format: millis },
  styleLayoutMs: { label: 'main thread: style + layout', format: millis },
}
const ratio = (app: number | null, floor: number | null) =>
  app === null || floor === null || floor === 0 ? '-' : `${(app / floor).toFixed(2)}x`

async function main(): Promise<void> {
  const started = Date.now()
  const options = parseArgs(process.argv.slice(2))
  const failures: string[] = []
  if (!fs.existsSync(CHROME_PATH)) throw new Error(`Chromium not found at ${CHROME_PATH} (apt-get install chromium)`)
  const loadAverageBefore = os.loadavg()

  const floorBuild = await buildFloor(['h5'])
  const removeFloor = () => floorBuild.remove()
  const onSignal = () => {
    // Lighthouse stops its Chromium on SIGINT.
    running?.kill('SIGINT')
    removeFloor()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const haveDist = fs.existsSync(path.join(distH5, 'index.html'))
  let appBuilt = true
  if (options.noBuild && haveDist) console.log('FanLoop: reusing dist/h5 (--no-build)')
  else {
    if (options.noBuild) console.log('FanLoop: --no-build given but dist/h5 is missing, building')
    appBuilt = await build('fanloop', repoRoot, 'h5')
  }
  if (!floorBuild.ok) failures.push('the reference app did not build')
  if (!appBuilt) failures.push('FanLoop did not build')

  const floor: Target = { label: 'floor', page: '(entry page)', url: '', runs: [], median: null }
  const app: Target[] = options.pages.map((page) => ({ label: page, page, url: '', runs: [], median: null }))
  const a11yOnly: { page: string; accessibility: number | null }[] = []
  let lighthouseVersion = ''
  let settings: Lhr['configSettings'] = {}
  let userAgent = ''

  if (failures.length === 0) {
    // The harness arms a watchdog that closes its servers after E2E_HARD_TIMEOUT_MS (5 min by
    // default, sized for one test file): size it to this run before loading the harness.
    const plannedMs = (options.runs * (app.length + 1) + options.a11yPages.length) * RUN_TIMEOUT_MS + 120_000
    process.env.E2E_HARD_TIMEOUT_MS = String(plannedMs)
    const { startStack } = await import('../test/e2e/support/stack')
    const { startStaticServer } = await import('../test/e2e/support/static-server')
    const { closeAll } = await import('../test/e2e/support/cleanup')
    const floorServer = await startStaticServer({ root: path.join(floorBuild.dir, 'dist/h5') })
    try {
      const stack = await startStack()
      await warmUp(floorServer.url, path.join(floorBuild.dir, 'dist/h5'))
      await warmUp(stack.baseUrl, distH5)
      await warmUpApi(stack.appApiBase, options.pages)
      floor.url = `${floorServer.url}/`
      for (const target of app) target.url = `${stack.baseUrl}/${target.page}`
      fs.mkdirSync(reportsDir, { recursive: true })
      const targets = [floor, ...app]
      rounds: for (let run = 1; run <= options.runs; run++) {
        for (const target of targets) {
          const name = target === floor ? 'floor' : target.page.replace(/\//g, '_')
          const outFile = path.join(reportsDir, `${name}.run${run}.json`)
          process.stdout.write(`lighthouse ${run}/${options.runs} ${target.label} ... `)
          const t0 = Date.now()
          try {
            // Accessibility is a static audit (axe-core on the loaded page): the first round scores it, later
            // rounds measure speed alone and leave it out (it would only add time).
            const lhr = await runLighthouse(
              target.url,
              outFile,
              run === 1 ? 'performance,accessibility' : 'performance',
            )
            const metrics = metricsOf(lhr)
            target.runs.push(metrics)
            lighthouseVersion = lhr.lighthouseVersion
            settings = lhr.configSettings ?? {}
            userAgent = lhr.environment?.hostUserAgent ?? ''
            console.log(
              `score ${metrics.performance ?? '-'}, accessibility ${metrics.accessibility ?? '-'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
            )
            for (const warning of lhr.runWarnings ?? []) console.log(`  warning: ${warning}`)
          } catch (error) {
            console.log('FAILED')
            failures.push((error as Error).message)
            break rounds
          }
        }
      }
      for (const page of failures.length ? [] : options.a11yPages) {
        const outFile = path.join(reportsDir, `${page.replace(/\//g, '_')}.accessibility.json`)
        process.stdout.write(`lighthouse accessibility only ${page} ... `)
        const t0 = Date.now()
        try {
          const metrics = metricsOf(await runLighthouse(`${stack.baseUrl}/${page}`, outFile, 'accessibility'))
          a11yOnly.push({ page, accessibility: metrics.accessibility })
          console.log(`accessibility ${metrics.accessibility ?? '-'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
        } catch (error) {
          console.log('FAILED')
          failures.push((error as Error).message)
        }
      }
    } finally {
      await floorServer.close()
      await closeAll()
    }
  }
  removeFloor()
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)

  for (const target of [floor, ...app]) target.median = target.runs.length ? medianMetrics(target.runs) : null

  const headers = ['metric (median)', 'floor']
  for (const target of app) headers.push(target.page, 'ratio')
  const rows = METRIC_KEYS.map((key) => {
    const { label, format } = FORMAT[key]
    const row = [label, format(floor.median?.[key] ?? null)]
    for (const target of app) {
      row.push(format(target.median?.[key] ?? null), ratio(target.median?.[key] ?? null, floor.median?.[key] ?? null))
    }
    return row
  })
  const loadAverageAfter = os.loadavg()
  console.log('')
  // Simulated throttling scales the CPU time it observed: other work on the machine shows up as TBT.
  if (Math.max(loadAverageBefore[0] ?? 0, loadAverageAfter[0] ?? 0) > os.cpus().length)
    console.log(
      `note: load average ${loadAverageBefore[0]?.toFixed(1)} -> ${loadAverageAfter[0]?.toFixed(1)} on ${os.cpus().length} cores: ` +
        'other work competed with Chromium, compare ratios rather than absolute numbers',
    )
  console.log(`Lighthouse ${lighthouseVersion} mobile, ${options.runs} run(s) per page, medians:`)
  console.log(table(headers, rows, { alignRight: headers.map((_, i) => i).slice(1) }))

  if (a11yOnly.length) {
    console.log('')
    console.log(
      table(
        ['accessibility only (1 run)', 'score'],
        a11yOnly.map((a) => [a.page, a.accessibility ?? '-']),
        { alignRight: [1] },
      ),
    )
  }
  const goals = lighthouseGoals({ floor, app, a11yOnly })
  console.log('')
  console.log(goalTable(goals))

  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
    lighthouseVersion,
    browser: userAgent,
    settings: {
      formFactor: settings?.formFactor,
      throttlingMethod: settings?.throttlingMethod,
      throttling: settings?.throttling,
      chromeFlags: CHROME_FLAGS,
    },
    served: 'dist/h5 gzip (level 9) from 127.0.0.1; FanLoop /api -> in-memory mock server',
    units: 'ms for times; CLS unitless; transferBytes = bytes over the wire; medians per metric',
    runsPerPage: options.runs,
    goalLimits: GOALS,
    floor,
    app,
    a11yOnly,
    goals,
    ratios: Object.fromEntries(
      app.map((target) => [
        target.page,
        Object.fromEntries(
          METRIC_KEYS.map((key) => {
            const a = target.median?.[key] ?? null
            const f = floor.median?.[key] ?? null
            return [key, a === null || f === null || f === 0 ? null : a / f]
          }),
        ),
      ]),
    ),
    reports: path.relative(repoRoot, reportsDir),
    failures,
    ok: failures.length === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  const outFile = path.join(resultsDir, 'lighthouse.json')
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwrote ${path.relative(process.cwd(), outFile)} (full reports in ${report.reports}/)`)

  if (failures.length) {
    console.error(`bench:lighthouse FAILED:\n${failures.map((f) => `  - ${f.replace(/\n/g, '\n    ')}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`bench:lighthouse OK (${report.seconds} s)`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
