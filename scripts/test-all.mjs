#!/usr/bin/env node
// `npm test`: every check the project has, in the order CI needs them (builds before the browser
// journeys that use them). It keeps going after a failure so one run shows everything that is
// broken, and ends with the line CI reads: `N passed, N failed` (jest tests from jest's JSON
// results, plus one check per non-jest step).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { table } from './lib/table.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = path.join(repoRoot, 'test-results')
const jestBin = path.join(repoRoot, 'node_modules/jest/bin/jest.js')
const jest = [process.execPath, jestBin]
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const steps = [
  { name: 'typecheck', run: [npm, 'run', '-s', 'typecheck'] },
  { name: 'lint', run: [npm, 'run', '-s', 'lint'] },
  {
    name: 'jest app+server+contract',
    jsonFile: path.join(resultsDir, 'jest-unit.json'),
    run: [
      ...jest,
      '--selectProjects',
      'app',
      'server',
      'contract',
      '--ci',
      // jest's default is one worker less than the cores: on 2 cores that is one, and half the machine idles.
      '--maxWorkers=2',
      '--json',
      '--outputFile=test-results/jest-unit.json',
    ],
  },
  // The same contract over real sockets, against the server as `npm run mock` runs it: on PGlite, and on a
  // throwaway PostgreSQL 15 with a pool of 20 connections (the concurrency tests race for real there).
  ...['pglite', 'postgres'].map((store) => ({
    name: `contract over HTTP: ${store}`,
    // Each is one server process and one jest process: the two stores run at once, one per core.
    together: 'contract over HTTP',
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
  { name: 'build:h5', run: [npm, 'run', '-s', 'build:h5'] },
  { name: 'build:weapp', run: [npm, 'run', '-s', 'build:weapp'] },
  { name: 'check:weapp', needs: ['build:weapp'], run: [npm, 'run', '-s', 'check:weapp'] },
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
      '--json',
      '--outputFile=test-results/jest-weapp.json',
    ],
  },
  { name: 'check:h5', needs: ['build:h5'], run: [npm, 'run', '-s', 'check:h5'] },
  {
    name: 'jest e2e',
    needs: ['build:h5'],
    jsonFile: path.join(resultsDir, 'jest-e2e.json'),
    // One browser at a time: two Chromiums plus a build's leftovers do not fit 2 cores well.
    run: [
      ...jest,
      '--selectProjects',
      'e2e',
      '--ci',
      '--runInBand',
      '--json',
      '--outputFile=test-results/jest-e2e.json',
    ],
  },
]

/** Runs one step; with `capture`, its output is kept and returned instead of streamed (steps run at once). */
function run([command, ...args], { capture = false } = {}) {
  return new Promise((resolve) => {
    // CI=true keeps jest and the tools non-interactive.
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      env: { ...process.env, CI: process.env.CI ?? 'true' },
    })
    let output = ''
    if (capture) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
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

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true })
  const outcomes = []
  const failedSteps = new Set()

  // Consecutive steps with the same `together` run at once; their output is printed whole when they end.
  const groups = []
  for (const step of steps) {
    const last = groups[groups.length - 1]
    if (step.together && last?.[0]?.together === step.together) last.push(step)
    else groups.push([step])
  }

  const runStep = async (step, capture) => {
    const blockedBy = (step.needs ?? []).filter((name) => failedSteps.has(name))
    if (blockedBy.length) {
      // Checking an old dist/ after a failed build would report on code that is not this commit.
      return {
        isSkipped: true,
        header: `\n=== ${step.name}: skipped, ${blockedBy.join(', ')} failed ===`,
        output: '',
        outcome: {
          name: step.name,
          ok: false,
          passed: 0,
          failed: 1,
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
    if (!capture) console.log(header)
    if (step.jsonFile) fs.rmSync(step.jsonFile, { force: true })
    const started = Date.now()
    const { code, error, output } = await run(step.run, { capture })
    const seconds = (Date.now() - started) / 1000
    let outcome
    if (step.jsonFile) {
      outcome = { name: step.name, ...jestCounts(step.jsonFile, code), seconds }
      outcome.ok = outcome.failed === 0
    } else {
      const ok = code === 0
      outcome = {
        name: step.name,
        ok,
        passed: ok ? 1 : 0,
        failed: ok ? 0 : 1,
        seconds,
        detail: ok ? '' : error ? String(error.message) : `exit ${code}`,
      }
    }
    return { header, output, outcome }
  }

  for (const group of groups) {
    const capture = group.length > 1
    if (capture) console.log(`\n=== running at once: ${group.map((step) => step.name).join(', ')} ===`)
    const results = await Promise.all(group.map((step) => runStep(step, capture)))
    for (const { header, output, outcome, isSkipped } of results) {
      if (capture || isSkipped) console.log(header)
      if (capture) process.stdout.write(output)
      if (!outcome.ok) failedSteps.add(outcome.name)
      outcomes.push(outcome)
    }
  }

  const passed = outcomes.reduce((n, o) => n + o.passed, 0)
  const failed = outcomes.reduce((n, o) => n + o.failed, 0)
  console.log('')
  console.log(
    table(
      ['step', 'result', 'seconds', 'detail'],
      outcomes.map((o) => [o.name, o.ok ? 'pass' : 'FAIL', o.seconds.toFixed(1), o.detail]),
      { alignRight: [2] },
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
