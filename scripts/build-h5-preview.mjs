#!/usr/bin/env node
// `npm run build:h5-preview`: the H5 app built like `npm run build:h5` (webpack production mode, minified) but WITH
// the operator's preview console, into dist/h5-preview. The browser journeys on the desktop preview page
// (test/e2e/preview-page.test.ts) run on it; dist/h5 stays the production build that check:h5 (size budget, no
// preview code) and the other journeys check. Never deploy this folder: it carries an operator tool.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const taroBin = path.join(repoRoot, 'node_modules/@tarojs/cli/bin/taro')

export const H5_PREVIEW_OUTPUT_ROOT = 'dist/h5-preview'

const child = spawn(process.execPath, [taroBin, 'build', '--type', 'h5'], {
  cwd: repoRoot,
  // config/index.ts reads both: the console in, and its own output folder.
  env: { ...process.env, TARO_APP_PREVIEW: 'on', H5_OUTPUT_ROOT: H5_PREVIEW_OUTPUT_ROOT },
  stdio: 'inherit',
})
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
