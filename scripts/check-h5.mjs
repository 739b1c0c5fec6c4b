#!/usr/bin/env node
// `npm run check:h5`: the H5 first-screen JS of dist/h5 against its budget, on every test run
// (bench:size reports the same figure next to the empty Taro app; this only guards the budget), and no
// built file carrying the preview console or the mock's operator routes.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUDGETS } from './lib/budgets.mjs'
import { KB } from './lib/weapp.mjs'
import { h5FirstScreen } from './lib/h5.mjs'
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
const firstScreen = h5FirstScreen(distDir)
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`

for (const file of firstScreen.files)
  console.log(`${file.file.padEnd(40)} ${kb(file.gzip).padStart(10)} gzip  (${file.role})`)
console.log(
  `H5 first screen (${firstScreen.entryPage}): ${kb(firstScreen.gzip)} gzip, budget ${kb(BUDGETS.h5FirstScreenGzipBytes)}`,
)
if (firstScreen.gzip > BUDGETS.h5FirstScreenGzipBytes) {
  console.error(
    `check-h5 FAILED: first-screen JS ${kb(firstScreen.gzip)} gzip is over ${kb(BUDGETS.h5FirstScreenGzipBytes)}`,
  )
  process.exit(1)
}
console.log('check-h5 OK')
