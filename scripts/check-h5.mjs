#!/usr/bin/env node
// `npm run check:h5`: the H5 first-screen JS of dist/h5 against its gate, a ratio to the empty Taro app's
// (scripts/lib/budgets.mjs GATES; the floor's figures come from scripts/lib/floor.mjs, built once and cached),
// on every test run; every script parses at the level H5 ships (scripts/lib/h5.mjs H5_ECMA_VERSION, the browsers of
// babel.config.js); the first screen's stylesheets come as files, Taro's before ours; and no built file carries
// the preview console or the mock's operator routes.
// Usage: node scripts/check-h5.mjs [--floor-gzip-bytes N]
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUDGETS, GATES } from './lib/budgets.mjs'
import { floorFigures } from './lib/floor.mjs'
import { KB } from './lib/weapp.mjs'
import { H5_ECMA_VERSION, h5FirstScreen, h5StylesheetProblems, h5SyntaxProblems } from './lib/h5.mjs'
import { previewOnlyIn } from './lib/preview-only.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distDir = path.join(repoRoot, 'dist/h5')
const leaks = fs
  .readdirSync(distDir, { recursive: true })
  .filter((rel) => /\.(js|css|html)$/.test(rel))
  .flatMap((rel) =>
    previewOnlyIn(fs.readFileSync(path.join(distDir, rel), 'utf8')).map((marker) => `${rel} contains ${marker}`),
  )
if (leaks.length > 0) {
  console.error(`check-h5 FAILED: the production build carries development-only code:\n  ${leaks.join('\n  ')}`)
  process.exit(1)
}
const syntax = h5SyntaxProblems(distDir)
if (syntax.problems.length > 0) {
  console.error(
    `check-h5 FAILED: scripts newer than the browsers H5 ships for (ES${H5_ECMA_VERSION}, babel.config.js H5_BROWSERS):\n  ` +
      syntax.problems.join('\n  '),
  )
  process.exit(1)
}
console.log(`${syntax.count} scripts parse as ES${H5_ECMA_VERSION}`)
const stylesheets = h5StylesheetProblems(distDir)
if (stylesheets.length > 0) {
  console.error(`check-h5 FAILED: the first screen's stylesheets:\n  ${stylesheets.join('\n  ')}`)
  process.exit(1)
}
console.log("stylesheets: Taro's and ours from the CSS files, Taro's first")
const firstScreen = h5FirstScreen(distDir)
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`

const flagAt = process.argv.indexOf('--floor-gzip-bytes')
let floorGzip = flagAt >= 0 ? Number(process.argv[flagAt + 1]) : 0
if (!Number.isInteger(floorGzip) || floorGzip < 0) throw new Error('--floor-gzip-bytes takes a byte count')
if (!floorGzip) {
  const floor = await floorFigures()
  floorGzip = floor.h5FirstScreenGzipBytes
  console.log(
    `empty Taro app: first-screen JS ${kb(floorGzip)} gzip (${floor.cached ? 'cached' : 'built now'}, key ${floor.key})`,
  )
}
const gate = Math.floor(floorGzip * GATES.h5FirstScreenGzipRatio)

for (const file of firstScreen.files)
  console.log(`${file.file.padEnd(40)} ${kb(file.gzip).padStart(10)} gzip  (${file.role})`)
console.log(
  `H5 first screen (${firstScreen.entryPage}): ${kb(firstScreen.gzip)} gzip = ${(firstScreen.gzip / floorGzip).toFixed(2)}x ` +
    `the empty Taro app's ${kb(floorGzip)}; gate ${GATES.h5FirstScreenGzipRatio}x = ${kb(gate)} ` +
    `(the old fixed budget: ${kb(BUDGETS.h5FirstScreenGzipBytes)})`,
)
if (firstScreen.gzip > gate) {
  console.error(
    `check-h5 FAILED: first-screen JS ${kb(firstScreen.gzip)} gzip is ${(firstScreen.gzip / floorGzip).toFixed(2)}x the ` +
      `empty app's, over the gate ${GATES.h5FirstScreenGzipRatio}x (${kb(gate)})`,
  )
  process.exit(1)
}
console.log('check-h5 OK')
