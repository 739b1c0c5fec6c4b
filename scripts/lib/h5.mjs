// Which JavaScript a phone downloads before the first H5 screen can render, read from the
// production build alone (no browser):
//   1. every local <script src> in dist/h5/index.html (webpack's entry chunks: vendors + app);
//   2. the entry page: `entryPagePath` or else `pages[0]` of the app config that Taro inlines
//      into the app chunk (`"pages":[...]`), i.e. what the browser router shows for `/`;
//   3. that page's route in the same chunk, `{"path":"<page>","load":function(){... __webpack_require__.e(ID) ...}}`:
//      the chunk ids it loads before rendering;
//   4. the id -> file name map of webpack's runtime (`__webpack_require__.u`), evaluated in a
//      sandbox, with `js/<id>.*.js` as the fallback.
// Lazy imports that the page itself makes later are not counted: they are not on the first screen.
// Checked against a real Chromium on the reference app: it requests exactly these files.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import zlib from 'node:zlib'
import { parseProblem } from './syntax.mjs'

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length

function localScripts(distDir) {
  const htmlFile = path.join(distDir, 'index.html')
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run the H5 build first`)
  const html = fs.readFileSync(htmlFile, 'utf8')
  const out = []
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) {
    const src = match[1]
    if (/^(https?:)?\/\//i.test(src)) continue
    out.push(src.replace(/[?#].*$/, '').replace(/^\.?\/+/, ''))
  }
  return out
}

// The object literal or function body starting at `open` (a `{`), by bracket counting. Good
// enough for minified webpack runtime code, which holds no braces inside strings here.
function balanced(text, open) {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1)
  }
  return null
}

export function chunkUrlFunction(sources) {
  for (const source of sources) {
    const match =
      /__webpack_require__\.u\s*=\s*function\s*\(\s*\w+\s*\)\s*/.exec(source) ?? /\.u=function\(\w+\)/.exec(source)
    if (!match) continue
    const body = balanced(source, source.indexOf('{', match.index + match[0].length - 1))
    if (!body) continue
    const header = match[0].replace(/^.*?function/, 'function')
    try {
      const fn = new vm.Script(`(${header}${body})`).runInNewContext({})
      if (typeof fn === 'function') return fn
    } catch {
      // fall through to the file-name fallback
    }
  }
  return null
}

function findAppConfig(sources) {
  for (const source of sources) {
    // Keys may be quoted or not, depending on the minifier's quote_keys setting.
    const entry = /"?entryPagePath"?:"([^"]+)"/.exec(source)
    const pages = /[{,]"?pages"?:(\[[^\]]*\])/.exec(source)
    if (pages && /[{,]"?path"?:"/.test(source)) {
      return { entryPage: entry?.[1], pages: JSON.parse(pages[1]) }
    }
  }
  return null
}

export function h5FirstScreen(distDir, { entryPage: forcedEntry } = {}) {
  const initial = localScripts(distDir)
  if (initial.length === 0) throw new Error(`${distDir}/index.html loads no local script`)
  const read = (rel) => fs.readFileSync(path.join(distDir, rel))
  const sources = initial.map((rel) => read(rel).toString('utf8'))

  const config = findAppConfig(sources)
  if (!config) throw new Error('could not find the Taro app config (`"pages":[...]`) in the entry scripts')
  const entryPage = (forcedEntry ?? config.entryPage ?? config.pages[0]).replace(/^\/+/, '')

  const routePattern = new RegExp(`"?path"?:"${entryPage.replace(/[/.]/g, '\\$&')}"`)
  const routeSource = sources.find((s) => routePattern.test(s))
  if (!routeSource) throw new Error(`no H5 route for ${entryPage} in the entry scripts`)
  const at = routeSource.search(routePattern)
  const loadMatch = /"?load"?:/.exec(routeSource.slice(at))
  const loadAt = loadMatch ? at + loadMatch.index : -1
  const thenAt = routeSource.indexOf('.then(', loadAt)
  if (loadAt < 0 || thenAt < 0) throw new Error(`route ${entryPage}: cannot read its load() function`)
  const ids = [...routeSource.slice(loadAt, thenAt).matchAll(/\.e\((\d+|"[^"]+")\)/g)].map((m) => JSON.parse(m[1]))
  if (ids.length === 0) throw new Error(`route ${entryPage}: load() loads no chunk`)

  const urlOf = chunkUrlFunction(sources)
  const jsFiles = fs.existsSync(path.join(distDir, 'js')) ? fs.readdirSync(path.join(distDir, 'js')) : []
  const chunkFiles = ids.map((id) => {
    const fromRuntime = urlOf?.(id)
    if (fromRuntime && fs.existsSync(path.join(distDir, fromRuntime))) return fromRuntime
    const byName = jsFiles.find((f) => f.startsWith(`${id}.`) && f.endsWith('.js'))
    if (!byName) throw new Error(`route ${entryPage}: no file for chunk ${id}`)
    return `js/${byName}`
  })

  const files = [...new Set([...initial, ...chunkFiles])].map((rel) => {
    const buffer = read(rel)
    return {
      file: rel,
      role: initial.includes(rel) ? 'index.html' : `page ${entryPage}`,
      raw: buffer.length,
      gzip: gzipSize(buffer),
    }
  })
  return {
    entryPage,
    chunkIds: ids,
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  }
}

function linkedStylesheets(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const linked = []
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?stylesheet/i.test(match[0])) continue
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(match[0])?.[1]
    if (!href || /^(https?:)?\/\//i.test(href)) continue
    linked.push(href.replace(/[?#].*$/, '').replace(/^\.?\/+/, ''))
  }
  return linked
}

// The CSS of the first screen: every local stylesheet <link> of index.html, and the CSS file of each chunk the
// entry page loads (mini-css-extract names them css/<chunk id>.<hash>.css).
export function h5FirstScreenCss(distDir, options = {}) {
  const linked = linkedStylesheets(distDir)
  const { chunkIds } = h5FirstScreen(distDir, options)
  const cssDir = path.join(distDir, 'css')
  const cssFiles = fs.existsSync(cssDir) ? fs.readdirSync(cssDir) : []
  const chunkCss = chunkIds.flatMap((id) =>
    cssFiles.filter((f) => f.startsWith(`${id}.`) && f.endsWith('.css')).map((f) => `css/${f}`),
  )
  const files = [...new Set([...linked, ...chunkCss])].map((rel) => {
    const buffer = fs.readFileSync(path.join(distDir, rel))
    return { file: rel, raw: buffer.length, gzip: gzipSize(buffer) }
  })
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  }
}

/**
 * style-loader's run-time code, which turns stylesheets compiled into JavaScript into <style> elements. Its function
 * names survive Taro's minifier (the check fails on a build from before config/index.ts extracted Taro's stylesheets);
 * a minifier that mangled them would let this part pass unseen.
 */
const RUNTIME_STYLESHEET_MARKER = /\binsertStyleElement\b|\bstyleTagTransform\b/
/** The first rule of src/app.scss: the theme's custom properties. */
const APP_STYLESHEET_MARKER = '--color-primary:'
/** A rule of Taro's HTML components (@tarojs/components-react), which ours restyle. */
const TARO_COMPONENT_MARKER = '.taro-button-core'

/**
 * How the first screen gets its styles (config/index.ts extracts Taro's stylesheets): no script of index.html makes
 * <style> elements at run time (they would run inside the long task that evaluates app.js, and their rules would be
 * strings in the first-screen JS), and in the stylesheets index.html links, Taro's component rules come before ours,
 * so ours win at equal specificity.
 */
export function h5StylesheetProblems(distDir) {
  const problems = []
  for (const rel of localScripts(distDir)) {
    if (RUNTIME_STYLESHEET_MARKER.test(fs.readFileSync(path.join(distDir, rel), 'utf8')))
      problems.push(`${rel} injects stylesheets at run time (style-loader): extract them into the CSS files`)
  }
  const css = linkedStylesheets(distDir)
    .map((rel) => fs.readFileSync(path.join(distDir, rel), 'utf8'))
    .join('\n')
  const ours = css.indexOf(APP_STYLESHEET_MARKER)
  const taros = css.lastIndexOf(TARO_COMPONENT_MARKER)
  if (ours < 0) problems.push(`index.html links no stylesheet with src/app.scss's rules (${APP_STYLESHEET_MARKER})`)
  if (taros < 0) problems.push(`index.html links no stylesheet with Taro's component rules (${TARO_COMPONENT_MARKER})`)
  if (ours >= 0 && taros > ours) problems.push("Taro's component rules come after src/app.scss's and override them")
  return problems
}

// All JS of the H5 build, for context next to the first screen.
export function h5AllJs(distDir) {
  const dir = path.join(distDir, 'js')
  let raw = 0
  let gzip = 0
  let count = 0
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('.js')) continue
    const buffer = fs.readFileSync(path.join(dir, name))
    raw += buffer.length
    gzip += gzipSize(buffer)
    count++
  }
  return { count, raw, gzip }
}

/**
 * The JavaScript level H5 ships: what every browser of babel.config.js's H5_BROWSERS parses (Safari 14.1 is the
 * oldest: ES2021 syntax, not ES2022's class static blocks). Babel brings our code and the packages it compiles
 * down to those browsers; the rest of node_modules ships as published, so this catches a dependency that moves on.
 */
export const H5_ECMA_VERSION = 2021

/** Every script of the H5 build (the files under js/ and index.html's inline ones) that does not parse at `ecmaVersion`. */
export function h5SyntaxProblems(distDir, ecmaVersion = H5_ECMA_VERSION) {
  const problems = []
  let count = 0
  const dir = path.join(distDir, 'js')
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    if (!name.endsWith('.js')) continue
    count++
    const problem = parseProblem(`js/${name}`, fs.readFileSync(path.join(dir, name), 'utf8'), ecmaVersion)
    if (problem) problems.push(problem)
  }
  const htmlFile = path.join(distDir, 'index.html')
  const html = fs.existsSync(htmlFile) ? fs.readFileSync(htmlFile, 'utf8') : ''
  for (const [index, match] of [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].entries()) {
    count++
    const problem = parseProblem(`index.html inline script ${index + 1}`, match[1] ?? '', ecmaVersion)
    if (problem) problems.push(problem)
  }
  return { count, problems }
}
