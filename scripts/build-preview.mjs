#!/usr/bin/env node
// `npm run build:h5-preview` / `npm run build:weapp-preview`: the app built like `npm run build:<type>` (webpack
// production mode, minified) but WITH the operator's preview console, into dist/<type>-preview. The journeys on the
// desktop preview page (test/e2e/preview-page.test.ts) and the console in the mini-program as WeChat DevTools runs
// it (test/weapp/preview-console.test.ts) run on these; dist/h5 and dist/weapp stay the production builds that the
// size gates, the no-preview-code checks and every other test check. Never deploy these folders: they carry an
// operator tool.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const taroBin = path.join(repoRoot, 'node_modules/@tarojs/cli/bin/taro')

const type = process.argv[2]
if (type !== 'h5' && type !== 'weapp') {
  console.error('usage: node scripts/build-preview.mjs h5|weapp')
  process.exit(2)
}

const child = spawn(process.execPath, [taroBin, 'build', '--type', type], {
  cwd: repoRoot,
  // config/index.ts reads both: the console in, and its own output folder.
  env: { ...process.env, TARO_APP_PREVIEW: 'on', OUTPUT_ROOT: `dist/${type}-preview` },
  stdio: 'inherit',
})
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
