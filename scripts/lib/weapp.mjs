// Reading a built mini-program (dist/weapp) the way WeChat sizes it: one main package plus one
// package per subPackages[].root. Shared by check-weapp (budgets) and bench-size (comparison).
import fs from 'node:fs'
import path from 'node:path'

// The DevTools project files configure the IDE and are not part of the uploaded code package.
const NOT_IN_PACKAGE = new Set(['project.config.json', 'project.private.config.json'])

// Decimal units, as taro-notes reports them (the floor's 374 KB is 373,948 bytes). The caps below
// are then slightly stricter than WeChat's binary 2 MB, which is the safe side.
export const KB = 1000
export const MB = 1000 * KB

export function listFiles(dir) {
  const out = []
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort()
}

export function readAppJson(distDir) {
  const file = path.join(distDir, 'app.json')
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: is this a weapp build? (npm run build:weapp)`)
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

// WeChat accepts both spellings.
export function subPackagesOf(appJson) {
  const list = appJson.subPackages ?? appJson.subpackages ?? []
  return list.map((sub) => ({
    root: String(sub.root ?? '').replace(/^\/+|\/+$/g, ''),
    name: sub.name,
    pages: Array.isArray(sub.pages) ? sub.pages : [],
    independent: Boolean(sub.independent),
  }))
}

// Every page path as it sits in the output, main package first.
export function allPages(appJson) {
  const main = (Array.isArray(appJson.pages) ? appJson.pages : []).map((page) => ({ pkg: 'main', page }))
  const subs = subPackagesOf(appJson).flatMap((sub) =>
    sub.pages.map((page) => ({ pkg: sub.root, page: `${sub.root}/${page}` })),
  )
  return [...main, ...subs]
}

// Bytes per package. A file belongs to the subpackage whose root is a path prefix of it,
// everything else (app.js, taro.js, vendors, common chunks, tab pages) is the main package.
export function packageSizes(distDir) {
  const appJson = readAppJson(distDir)
  const subs = subPackagesOf(appJson)
  const packages = new Map([['main', { name: 'main', root: '', bytes: 0, files: 0 }]])
  for (const sub of subs) packages.set(sub.root, { name: sub.name ?? sub.root, root: sub.root, bytes: 0, files: 0 })
  for (const rel of listFiles(distDir)) {
    if (NOT_IN_PACKAGE.has(rel)) continue
    const owner = subs.find((sub) => rel.startsWith(`${sub.root}/`))
    const pkg = packages.get(owner ? owner.root : 'main')
    pkg.bytes += fs.statSync(path.join(distDir, rel)).size
    pkg.files += 1
  }
  const list = [...packages.values()]
  return {
    appJson,
    packages: list,
    main: packages.get('main'),
    subPackages: list.slice(1),
    total: list.reduce((sum, p) => sum + p.bytes, 0),
  }
}

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`
