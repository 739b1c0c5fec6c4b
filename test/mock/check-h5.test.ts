// check:h5 parses every H5 script at the level its browsers run (scripts/lib/h5.mjs H5_ECMA_VERSION, the browsers of
// babel.config.js): ES2021 passes, ES2022's class static block (not in Safari 14.1) is named with its file and
// place, in a webpack chunk or an inline script of index.html alike. It also holds how the first screen gets its
// styles: from the CSS files index.html links, Taro's component rules before ours (config/index.ts extracts them).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { H5_ECMA_VERSION, h5StylesheetProblems, h5SyntaxProblems } from '../../scripts/lib/h5.mjs'

function makeDist(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-h5-'))
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  return dir
}

const ES2021 = 'var a = {}; a.b ??= 1_000; const f = async () => a?.b ?? (await Promise.resolve(2));\n'
const ES2022 = 'class Store {\n  static { this.ready = true }\n}\n'

test('H5 ships ES2021: the browsers of babel.config.js parse nothing newer', () => {
  expect(H5_ECMA_VERSION).toBe(2021)
})

test('scripts at the level pass; a newer one is named by file, line and column', () => {
  const dist = makeDist({
    'index.html': `<html><head><script>${ES2021}</script><script defer src="/js/app.js"></script></head></html>`,
    'js/app.js': ES2021,
    'js/42.chunk.js': ES2022,
  })
  try {
    const { count, problems } = h5SyntaxProblems(dist)
    expect(count).toBe(3)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^js\/42\.chunk\.js:2:\d+ is not ES2021 \(.+\) near `.*static \{/)
  } finally {
    fs.rmSync(dist, { recursive: true, force: true })
  }
})

test('an inline script of index.html is held to the same level', () => {
  const dist = makeDist({ 'index.html': `<script>${ES2022}</script>`, 'js/app.js': ES2021 })
  try {
    expect(h5SyntaxProblems(dist).problems).toEqual([
      expect.stringMatching(/^index\.html inline script 1:2:\d+ is not ES2021/),
    ])
  } finally {
    fs.rmSync(dist, { recursive: true, force: true })
  }
})

describe("the first screen's stylesheets", () => {
  const TARO = '.taro-button-core{display:block}'
  const OURS = ':root,page{--color-primary:#c93a26}.primary{display:flex}'
  const html =
    '<html><head><link href="/css/app.css" rel="stylesheet"><script defer src="/js/app.js"></script></head></html>'
  const check = (files: Record<string, string>) => {
    const dist = makeDist({ 'index.html': html, 'js/app.js': ES2021, ...files })
    try {
      return h5StylesheetProblems(dist)
    } finally {
      fs.rmSync(dist, { recursive: true, force: true })
    }
  }

  test("Taro's rules, then ours, in a linked file: nothing to report", () => {
    expect(check({ 'css/app.css': TARO + OURS })).toEqual([])
  })

  test("Taro's rules after ours would override them", () => {
    expect(check({ 'css/app.css': OURS + TARO })).toEqual([expect.stringMatching(/come after src\/app\.scss's/)])
  })

  test('a first-screen script that makes <style> elements (style-loader) is named', () => {
    const styleLoader = 'a.exports=function insertStyleElement(a){return document.createElement("style")}\n'
    expect(check({ 'css/app.css': OURS, 'js/app.js': styleLoader })).toEqual([
      'js/app.js injects stylesheets at run time (style-loader): extract them into the CSS files',
      "index.html links no stylesheet with Taro's component rules (.taro-button-core)",
    ])
  })
})
