#!/usr/bin/env node
// Static check of the mini-program build. Taro pages cannot run outside WeChat (they register only
// after the whole runtime boots), so what can be proved here is: the build is complete, every page
// WeChat will look for is there, every script parses, nothing mock-only leaked in, and the
// packages hold WeChat's size caps with room to spare.
//
// Usage: node scripts/check-weapp.mjs [--dir dist/weapp]
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { fileURLToPath } from 'node:url'
import { BUDGETS as SIZE_BUDGETS } from './lib/budgets.mjs'
import { allPages, kb, listFiles, packageSizes, readAppJson, subPackagesOf } from './lib/weapp.mjs'
import { table } from './lib/table.mjs'
import { previewOnlyIn } from './lib/preview-only.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const BUDGETS = {
  mainBytes: SIZE_BUDGETS.weappMainBytes,
  subPackageBytes: SIZE_BUDGETS.weappSubPackageBytes,
  totalBytes: SIZE_BUDGETS.weappTotalBytes,
}

const TEXT_EXTENSIONS = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs', '.txt', '.html', '.css'])

export function checkWeapp(distDir) {
  const problems = []
  if (!fs.existsSync(distDir))
    return { problems: [`${distDir} does not exist: run npm run build:weapp first`], sizes: null }

  let appJson
  try {
    appJson = readAppJson(distDir)
  } catch (error) {
    return { problems: [error.message], sizes: null }
  }
  if (!Array.isArray(appJson.pages) || appJson.pages.length === 0) problems.push('app.json lists no pages')

  const files = listFiles(distDir)
  const present = new Set(files)

  for (const { page } of allPages(appJson)) {
    const missing = ['.js', '.json', '.wxml'].filter((ext) => !present.has(`${page}${ext}`))
    if (missing.length) problems.push(`page ${page}: missing ${missing.map((ext) => page + ext).join(', ')}`)
  }

  // WeChat only accepts tab pages from the main package.
  const mainPages = new Set(appJson.pages ?? [])
  for (const item of appJson.tabBar?.list ?? []) {
    if (!mainPages.has(item.pagePath)) problems.push(`tabBar page ${item.pagePath} is not in the main package pages`)
    for (const icon of [item.iconPath, item.selectedIconPath].filter(Boolean)) {
      if (!present.has(icon.replace(/^\/+/, ''))) problems.push(`tabBar icon ${icon} is missing`)
    }
  }

  const subRoots = subPackagesOf(appJson).map((sub) => sub.root)
  const packageOf = (rel) => subRoots.find((root) => rel.startsWith(`${root}/`)) ?? 'main'

  for (const rel of files) {
    const ext = path.extname(rel)
    if (!TEXT_EXTENSIONS.has(ext)) continue
    const content = fs.readFileSync(path.join(distDir, rel), 'utf8')

    for (const marker of previewOnlyIn(content))
      problems.push(`${rel} contains ${marker} (the mock's operator tools and the preview console must not ship)`)

    if (ext === '.js' || ext === '.wxs') {
      // Compiling a Script only parses it; nothing in the bundle runs.
      try {
        new vm.Script(content, { filename: rel })
      } catch (error) {
        problems.push(`${rel} does not parse: ${error.message}`)
      }
    }

    if (ext === '.json' && rel !== 'app.json') {
      let json
      try {
        json = JSON.parse(content)
      } catch (error) {
        problems.push(`${rel} is not valid JSON: ${error.message}`)
        continue
      }
      for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
        if (/^plugin(-private)?:\/\//.test(target)) continue
        const resolved = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(rel), target)
        const missing = ['.js', '.json', '.wxml'].filter((e) => !present.has(`${resolved}${e}`))
        if (missing.length) problems.push(`${rel}: component <${tag}> -> ${target} is missing ${missing.join(', ')}`)
        // A page in one subpackage cannot use a component that lives in another subpackage.
        const from = packageOf(rel)
        const to = packageOf(resolved)
        if (to !== 'main' && to !== from)
          problems.push(`${rel}: component <${tag}> lives in subpackage ${to}, not reachable from ${from}`)
      }
    }
  }

  const sizes = packageSizes(distDir)
  if (sizes.main.bytes > BUDGETS.mainBytes)
    problems.push(`main package is ${kb(sizes.main.bytes)}, budget ${kb(BUDGETS.mainBytes)}`)
  for (const sub of sizes.subPackages) {
    if (sub.bytes > BUDGETS.subPackageBytes)
      problems.push(`subpackage ${sub.root} is ${kb(sub.bytes)}, budget ${kb(BUDGETS.subPackageBytes)}`)
  }
  if (sizes.total > BUDGETS.totalBytes)
    problems.push(`whole mini-program is ${kb(sizes.total)}, budget ${kb(BUDGETS.totalBytes)}`)

  return {
    problems,
    sizes,
    pageCount: allPages(appJson).length,
    jsCount: files.filter((f) => f.endsWith('.js')).length,
  }
}

export function sizeTable(sizes) {
  const row = (label, bytes, files, budget) => [
    label,
    files,
    bytes,
    kb(bytes),
    kb(budget),
    `${((bytes / budget) * 100).toFixed(0)}%`,
  ]
  return table(
    ['package', 'files', 'bytes', 'size', 'budget', 'used'],
    [
      row('main', sizes.main.bytes, sizes.main.files, BUDGETS.mainBytes),
      ...sizes.subPackages.map((sub) => row(sub.root, sub.bytes, sub.files, BUDGETS.subPackageBytes)),
      row(
        'total',
        sizes.total,
        sizes.packages.reduce((n, p) => n + p.files, 0),
        BUDGETS.totalBytes,
      ),
    ],
    { alignRight: [1, 2, 3, 4, 5] },
  )
}

function main() {
  const args = process.argv.slice(2)
  const dirFlag = args.indexOf('--dir')
  const distDir = path.resolve(dirFlag >= 0 ? args[dirFlag + 1] : path.join(repoRoot, 'dist/weapp'))

  const { problems, sizes, pageCount, jsCount } = checkWeapp(distDir)
  if (sizes) {
    console.log(
      `weapp build: ${path.relative(process.cwd(), distDir) || '.'}, ${pageCount} pages, ${jsCount} JS files parsed\n`,
    )
    console.log(sizeTable(sizes))
    console.log('')
  }
  if (problems.length) {
    console.error(`check-weapp FAILED (${problems.length} problem${problems.length === 1 ? '' : 's'}):`)
    for (const problem of problems) console.error(`  - ${problem}`)
    process.exitCode = 1
    return
  }
  console.log('check-weapp OK')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
