#!/usr/bin/env node
// `npm test`: every check the project has, in the order CI needs them (builds before the browser
// journeys that use them). It keeps going after a failure so one run shows everything that is
// broken, and ends with the line CI reads: `N passed, N failed` (jest tests from jest's JSON
// results, plus one check per non-jest step).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { table } from './lib/table.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = path.join(repoRoot, 'test-results')
const jestBin = path.join(repoRoot, 'node_modules/jest/bin/jest.js')
const jest = [process.execPath, jestBin]
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// In the order they start as cores come free. The builds come first: the browser journeys and the
// mini-program tests wait for them, and those chains are the longest.
const steps = [
  { name: 'build:h5', run: [npm, 'run', '-s', 'build:h5'] },
  { name: 'build:weapp', run: [npm, 'run', '-s', 'build:weapp'] },
  // The H5 app WITH the preview console, in dist/h5-preview, for the journeys on the desktop preview page only:
  // dist/h5 stays the production build that check:h5 (budget, no console code) and the other journeys check.
  // After build:h5, from its webpack cache (config/index.ts): ~20 s instead of ~50, and never two H5 builds writing
  // the cache at once.
  { name: 'build:h5-preview', needs: ['build:h5'], run: [npm, 'run', '-s', 'build:h5-preview'] },
  // The mini-program WITH the console, in dist/weapp-preview: the console as WeChat DevTools' simulator runs it.
  { name: 'build:weapp-preview', run: [npm, 'run', '-s', 'build:weapp-preview'] },
  // The empty Taro app's sizes, which the two checks hold FanLoop to as ratios: read from .cache/floor, or built
  // once (two production builds, ~1 min of CPU) when its sources, package-lock.json or Node changed.
  { name: 'floor', run: [process.execPath, 'scripts/lib/floor.mjs'] },
  { name: 'check:weapp', needs: ['build:weapp', 'floor'], run: [npm, 'run', '-s', 'check:weapp'] },
  { name: 'check:h5', needs: ['build:h5', 'floor'], run: [npm, 'run', '-s', 'check:h5'] },
  {
    name: 'jest weapp',
    needs: ['build:weapp'],
    jsonFile: path.join(resultsDir, 'jest-weapp.json'),
    // The built mini-program under miniprogram-simulate (test/weapp): one dist/weapp, one process.
    run: [
      ...jest,
      '--selectProjects',
      'weapp',
      '--ci',
      '--runInBand',
      // Its own step below, on its own build.
      '--testPathIgnorePatterns',
      '/node_modules/',
      'test/weapp/preview-console',
      '--json',
      '--outputFile=test-results/jest-weapp.json',
    ],
  },
  {
    name: 'jest weapp preview',
    needs: ['build:weapp-preview'],
    jsonFile: path.join(resultsDir, 'jest-weapp-preview.json'),
    env: { WEAPP_DIST: 'dist/weapp-preview' },
    run: [
      ...jest,
      'test/weapp/preview-console.test.ts',
      '--selectProjects',
      'weapp',
      '--ci',
      '--runInBand',
      '--json',
      '--outputFile=test-results/jest-weapp-preview.json',
    ],
  },
  {
    name: 'jest e2e',
    needs: ['build:h5'],
    browser: true,
    jsonFile: path.join(resultsDir, 'jest-e2e.json'),
    // One browser at a time: a journey waits on what a phone would show, and a second Chromium beside it
    // would only make each slower.
    run: [
      ...jest,
      '--selectProjects',
      'e2e',
      '--ci',
      '--runInBand',
      // Its own step below, on its own build.
      '--testPathIgnorePatterns',
      '/node_modules/',
      'test/e2e/preview-page',
      '--json',
      '--outputFile=test-results/jest-e2e.json',
    ],
  },
  {
    name: 'jest e2e preview',
    needs: ['build:h5-preview'],
    browser: true,
    jsonFile: path.join(resultsDir, 'jest-e2e-preview.json'),
    // The desktop preview page (/__preview) framing dist/h5-preview: personas, the clock, two phones side by side.
    run: [
      ...jest,
      'test/e2e/preview-page.test.ts',
      '--selectProjects',
      'e2e',
      '--ci',
      '--runInBand',
      '--json',
      '--outputFile=test-results/jest-e2e-preview.json',
    ],
  },
  // The same contract over real sockets, against the server as `npm run mock` runs it: on PGlite, and on a
  // throwaway PostgreSQL 15 with a pool of 20 connections (the concurrency tests race for real there). Each is
  // one server and one jest process (--runInBand: tests move the server's clock).
  ...['pglite', 'postgres'].map((store) => ({
    name: `contract over HTTP: ${store}`,
    jsonFile: path.join(resultsDir, `jest-contract-${store}.json`),
    run: [
      process.execPath,
      path.join(repoRoot, 'scripts/contract-over-http.mjs'),
      store,
      '--',
      '--ci',
      '--json',
      `--outputFile=test-results/jest-contract-${store}.json`,
    ],
  })),
  { name: 'typecheck', run: [npm, 'run', '-s', 'typecheck'] },
  { name: 'lint', run: [npm, 'run', '-s', 'lint'] },
  {
    name: 'jest app+server+contract',
    // Last in line: it waits for both cores, and so does everything after it. The one-core steps above fill the
    // core the browser journeys leave (they use ~0.7 of one: 90 s user + 14 s sys over 152 s) instead.
    // jest's default is one worker less than the cores: on 2 cores that is one, and half the machine idles.
    cores: 2,
    jsonFile: path.join(resultsDir, 'jest-unit.json'),
    run: [
      ...jest,
      '--selectProjects',
      'app',
      'server',
      'contract',
      '--ci',
      '--maxWorkers=2',
      '--json',
      '--outputFile=test-results/jest-unit.json',
    ],
  },
]

/** Runs one step and returns its output (steps run side by side, so nothing is streamed). */
function run([command, ...args], env = {}) {
  return new Promise((resolve) => {
    // CI=true keeps jest and the tools non-interactive.
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: process.env.CI ?? 'true', ...env },
    })
    let output = ''
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ code: 127, error, output }))
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }))
  })
}

// What a jest run contributes to the totals. A run that left no readable JSON, ran no test, or
// exited non-zero with nothing failing (e.g. a crashed global setup) still counts as one failure.
function jestCounts(jsonFile, exitCode) {
  let result
  try {
    result = JSON.parse(fs.readFileSync(jsonFile, 'utf8'))
  } catch {
    return { passed: 0, failed: 1, detail: 'no JSON results (jest crashed before reporting)' }
  }
  const passed = result.numPassedTests ?? 0
  let failed = (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0)
  const notes = []
  if (result.numRuntimeErrorTestSuites) notes.push(`${result.numRuntimeErrorTestSuites} suite(s) failed to run`)
  if ((result.numTotalTests ?? 0) === 0) {
    failed += 1
    notes.push('ran zero tests')
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1
    notes.push(`jest exited ${exitCode}`)
  }
  return { passed, failed, detail: [`${passed} passed, ${failed} failed`, ...notes].join('; ') }
}

const runStarted = Date.now()

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true })
  const outcomes = []
  const failedSteps = new Set()

  const runStep = async (step) => {
    const blockedBy = (step.needs ?? []).filter((name) => failedSteps.has(name))
    if (blockedBy.length) {
      // Checking an old dist/ after a failed build would report on code that is not this commit.
      return {
        header: `\n=== ${step.name}: skipped, ${blockedBy.join(', ')} failed ===`,
        output: '',
        outcome: {
          name: step.name,
          ok: false,
          passed: 0,
          failed: 1,
          startedAt: (Date.now() - runStarted) / 1000,
          seconds: 0,
          detail: `skipped (${blockedBy.join(', ')} failed)`,
        },
      }
    }
    const shown =
      step.run[1] === jestBin
        ? ['jest', ...step.run.slice(2)]
        : step.run[0] === process.execPath
          ? ['node', ...step.run.slice(1).map((arg) => path.relative(repoRoot, arg) || arg)]
          : step.run
    const header = `\n=== ${step.name}: ${shown.join(' ')} ===`
    if (step.jsonFile) fs.rmSync(step.jsonFile, { force: true })
    const started = Date.now()
    const startedAt = (started - runStarted) / 1000
    const { code, error, output } = await run(step.run, step.env)
    const seconds = (Date.now() - started) / 1000
    let outcome
    if (step.jsonFile) {
      outcome = { name: step.name, ...jestCounts(step.jsonFile, code), startedAt, seconds }
      outcome.ok = outcome.failed === 0
    } else {
      const ok = code === 0
      outcome = {
        name: step.name,
        ok,
        passed: ok ? 1 : 0,
        failed: ok ? 0 : 1,
        startedAt,
        seconds,
        detail: ok ? '' : error ? String(error.message) : `exit ${code}`,
      }
    }
    return { header, output, outcome }
  }

  // Start every step whose builds are done while its cores fit; each step's output is printed whole when it
  // ends (two at once would interleave line by line), and the summary keeps the steps' own order.
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)
  const results = new Map()
  const waiting = [...steps]
  const running = new Map()
  let busyCores = 0
  // The browser steps take turns: each journey waits on what a phone would show, and two Chromiums side by side
  // (with the other steps' work) slowed the preview page's journeys past their waits.
  let browserBusy = false
  const startReady = () => {
    for (const step of [...waiting]) {
      if ((step.needs ?? []).some((name) => !results.has(name))) continue
      if (step.browser && browserBusy) continue
      const wanted = Math.min(step.cores ?? 1, cores)
      // The first step in line that does not fit waits for cores, and so does everything after it.
      if (busyCores + wanted > cores) break
      waiting.splice(waiting.indexOf(step), 1)
      busyCores += wanted
      if (step.browser) browserBusy = true
      console.log(`started ${step.name}`)
      running.set(
        step.name,
        runStep(step).then((result) => {
          busyCores -= wanted
          if (step.browser) browserBusy = false
          running.delete(step.name)
          results.set(step.name, result)
          console.log(result.header)
          process.stdout.write(result.output)
          if (!result.outcome.ok) failedSteps.add(step.name)
          return result
        }),
      )
    }
  }
  startReady()
  while (running.size > 0) {
    await Promise.race(running.values())
    startReady()
  }
  for (const step of steps) outcomes.push(results.get(step.name).outcome)

  const passed = outcomes.reduce((n, o) => n + o.passed, 0)
  const failed = outcomes.reduce((n, o) => n + o.failed, 0)
  console.log('')
  console.log(
    table(
      // When each step started, from the start of the run: where the cores waited, for whoever reorders the steps.
      ['step', 'result', 'started at', 'seconds', 'detail'],
      outcomes.map((o) => [o.name, o.ok ? 'pass' : 'FAIL', o.startedAt.toFixed(1), o.seconds.toFixed(1), o.detail]),
      { alignRight: [2, 3] },
    ),
  )
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed > 0 ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  console.log('0 passed, 1 failed')
  process.exitCode = 1
})
