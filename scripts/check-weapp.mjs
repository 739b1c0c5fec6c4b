#!/usr/bin/env node
// Static check of the mini-program build. Taro pages cannot run outside WeChat (they register only
// after the whole runtime boots), so what can be proved here is: the build is complete, app.json lists
// exactly the pages of src/app.config.ts, every script parses at the JavaScript level that
// project.config.json declares (`setting.es6: false`: WeChat DevTools uploads the files as they are,
// so they must be ES5 themselves), nothing mock-only leaked in, and the packages hold WeChat's size
// caps, with the main package held to a ratio of the empty Taro app's (scripts/lib/floor.mjs).
//
// Usage: node scripts/check-weapp.mjs [--dir dist/weapp] [--project project.config.json]
//          [--app-config src/app.config.ts] [--floor-main-bytes N]
//   --floor-main-bytes  the empty app's main package in bytes (else from scripts/lib/floor.mjs, which
//                       builds the floor once and caches its figures)
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { fileURLToPath } from 'node:url'
import { BUDGETS as SIZE_BUDGETS, GATES } from './lib/budgets.mjs'
import { allPages, kb, listFiles, packageSizes, readAppJson, subPackagesOf } from './lib/weapp.mjs'
import { table } from './lib/table.mjs'
import { previewOnlyIn } from './lib/preview-only.mjs'
import { parseProblem } from './lib/syntax.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

const BUDGETS = {
  subPackageBytes: SIZE_BUDGETS.weappSubPackageBytes,
  totalBytes: SIZE_BUDGETS.weappTotalBytes,
}

/**
 * The ECMAScript version WeChat gets, from project.config.json. `es6: false` (and no `enhance`): the
 * DevTools upload the code untouched, so it must be ES5. With `es6: true` or `enhance: true` the DevTools'
 * own compiler turns ES2015+ into ES5 before upload; its parser then has to read the file, which holds
 * up to ES2020 syntax (optional chaining, `??`) for current DevTools.
 */
export function shippedEcmaVersion(projectConfig) {
  const setting = projectConfig?.setting ?? {}
  if (setting.es6 === true || setting.enhance === true) return 2020
  return 5
}

export function readProjectConfig(file) {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: WeChat DevTools needs it to open the project`)
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** src/app.config.ts evaluated the way Taro reads it: TypeScript stripped, `defineAppConfig` returning its argument. */
export function readAppConfig(file) {
  const ts = require('typescript')
  const source = fs.readFileSync(file, 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  })
  const module = { exports: {} }
  new vm.Script(outputText, { filename: file }).runInNewContext({
    module,
    exports: module.exports,
    defineAppConfig: (config) => config,
    process: { env: { TARO_ENV: 'weapp' } },
  })
  const config = module.exports.default ?? module.exports
  if (!config || !Array.isArray(config.pages)) throw new Error(`${file} does not export an app config with pages`)
  return config
}

/** Page lists of app.json and the app config, compared package by package. */
export function comparePages(appJson, appConfig) {
  const problems = []
  const differences = (label, built, declared) => {
    const builtSet = new Set(built)
    const declaredSet = new Set(declared)
    for (const page of declared)
      if (!builtSet.has(page)) problems.push(`${label}: ${page} is in src/app.config.ts but not in app.json`)
    for (const page of built)
      if (!declaredSet.has(page)) problems.push(`${label}: ${page} is in app.json but not in src/app.config.ts`)
  }
  differences('main package', appJson.pages ?? [], appConfig.pages ?? [])
  // The first page is where the mini-program opens.
  if ((appJson.pages ?? [])[0] !== appConfig.pages[0])
    problems.push(`app.json opens on ${(appJson.pages ?? [])[0]}, src/app.config.ts on ${appConfig.pages[0]}`)
  const built = new Map(subPackagesOf(appJson).map((sub) => [sub.root, sub.pages]))
  const declared = new Map(subPackagesOf(appConfig).map((sub) => [sub.root, sub.pages]))
  for (const root of new Set([...built.keys(), ...declared.keys()])) {
    if (!built.has(root)) problems.push(`subpackage ${root} is in src/app.config.ts but not in app.json`)
    else if (!declared.has(root)) problems.push(`subpackage ${root} is in app.json but not in src/app.config.ts`)
    else differences(`subpackage ${root}`, built.get(root), declared.get(root))
  }
  return problems
}

const TEXT_EXTENSIONS = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs', '.txt', '.html', '.css'])

export function checkWeapp(
  distDir,
  { projectConfigFile = path.join(repoRoot, 'project.config.json'), appConfigFile, floorMainBytes } = {},
) {
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

  let ecmaVersion = 5
  try {
    const projectConfig = readProjectConfig(projectConfigFile)
    ecmaVersion = shippedEcmaVersion(projectConfig)
    // Taro copies the project file into the build, and DevTools opened on dist/weapp reads that copy.
    const copy = path.join(distDir, 'project.config.json')
    if (fs.existsSync(copy) && path.resolve(copy) !== path.resolve(projectConfigFile)) {
      const copied = readProjectConfig(copy)
      for (const key of ['es6', 'enhance'])
        if (Boolean(copied.setting?.[key]) !== Boolean(projectConfig.setting?.[key]))
          problems.push(
            `project.config.json in the build says ${key}: ${copied.setting?.[key]}, ${projectConfigFile} says ${projectConfig.setting?.[key]}`,
          )
    }
  } catch (error) {
    problems.push(error.message)
  }
  if (appConfigFile) {
    try {
      problems.push(...comparePages(appJson, readAppConfig(appConfigFile)))
    } catch (error) {
      problems.push(`${appConfigFile}: ${error.message}`)
    }
  }

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
      // WXS is an ES5 subset whatever the project setting says.
      const problem = parseProblem(rel, content, ext === '.wxs' ? 5 : ecmaVersion)
      if (problem) problems.push(problem)
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
  const mainBudget = floorMainBytes ? Math.floor(floorMainBytes * GATES.weappMainRatio) : null
  if (mainBudget !== null && sizes.main.bytes > mainBudget)
    problems.push(
      `main package is ${kb(sizes.main.bytes)} = ${(sizes.main.bytes / floorMainBytes).toFixed(2)}x the empty Taro app's ` +
        `${kb(floorMainBytes)}, gate ${GATES.weappMainRatio}x = ${kb(mainBudget)}`,
    )
  if (sizes.main.bytes > BUDGETS.subPackageBytes)
    problems.push(`main package is ${kb(sizes.main.bytes)}, WeChat's cap ${kb(BUDGETS.subPackageBytes)}`)
  for (const sub of sizes.subPackages) {
    if (sub.bytes > BUDGETS.subPackageBytes)
      problems.push(`subpackage ${sub.root} is ${kb(sub.bytes)}, budget ${kb(BUDGETS.subPackageBytes)}`)
  }
  if (sizes.total > BUDGETS.totalBytes)
    problems.push(`whole mini-program is ${kb(sizes.total)}, budget ${kb(BUDGETS.totalBytes)}`)

  return {
    problems,
    sizes,
    mainBudget,
    ecmaVersion,
    pageCount: allPages(appJson).length,
    jsCount: files.filter((f) => f.endsWith('.js')).length,
  }
}

export function sizeTable(sizes, mainBudget = BUDGETS.subPackageBytes) {
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
      row('main', sizes.main.bytes, sizes.main.files, mainBudget),
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

async function main() {
  const args = process.argv.slice(2)
  const flag = (name, fallback) => {
    const at = args.indexOf(name)
    if (at < 0) return fallback
    const value = args[at + 1]
    if (value === undefined) throw new Error(`${name} needs a value`)
    return value
  }
  const distDir = path.resolve(flag('--dir', path.join(repoRoot, 'dist/weapp')))
  const projectConfigFile = path.resolve(flag('--project', path.join(repoRoot, 'project.config.json')))
  const appConfigFile = path.resolve(flag('--app-config', path.join(repoRoot, 'src/app.config.ts')))
  let floorMainBytes = Number(flag('--floor-main-bytes', '0'))
  if (!Number.isInteger(floorMainBytes) || floorMainBytes < 0) throw new Error('--floor-main-bytes takes a byte count')
  if (!floorMainBytes) {
    const { floorFigures } = await import('./lib/floor.mjs')
    const floor = await floorFigures()
    floorMainBytes = floor.weappMainBytes
    console.log(
      `empty Taro app: main package ${kb(floorMainBytes)} (${floor.cached ? 'cached' : 'built now'}, key ${floor.key})`,
    )
  }

  const { problems, sizes, pageCount, jsCount, mainBudget, ecmaVersion } = checkWeapp(distDir, {
    projectConfigFile,
    appConfigFile,
    floorMainBytes,
  })
  if (sizes) {
    console.log(
      `weapp build: ${path.relative(process.cwd(), distDir) || '.'}, ${pageCount} pages, ${jsCount} JS files parsed as ` +
        `${ecmaVersion === 5 ? 'ES5' : `ES${ecmaVersion}`} (${path.relative(process.cwd(), projectConfigFile)})\n`,
    )
    console.log(sizeTable(sizes, mainBudget ?? BUDGETS.subPackageBytes))
    if (mainBudget)
      console.log(
        `main package ${(sizes.main.bytes / floorMainBytes).toFixed(2)}x the empty Taro app (gate ${GATES.weappMainRatio}x)`,
      )
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((error) => {
    console.error(`check-weapp FAILED: ${error.message}`)
    process.exitCode = 1
  })
