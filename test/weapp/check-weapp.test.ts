// `npm run check:weapp` itself (scripts/check-weapp.mjs), run as the CLI it is: a tiny fake build that is right
// passes, and each thing it exists to catch makes it fail with the file (and line) to look at; then the real
// dist/weapp (run `npm run build:weapp` first, as for every weapp test) passes against project.config.json and
// src/app.config.ts. The floor's main package is given on the command line so no test builds the empty app.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

jest.setTimeout(60_000)

const repoRoot = path.resolve(__dirname, '../..')
const script = path.join(repoRoot, 'scripts/check-weapp.mjs')
// Far above the fixture's few hundred bytes: the size gate is not what these cases are about.
const FLOOR_MAIN_BYTES = '100000'

type Fixture = { dir: string; dist: string; project: string; appConfig: string }

const APP_CONFIG = `export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [{ root: 'packages/shop', pages: ['item/index'] }],
  window: { navigationBarTitleText: 'x' },
})
`
const ES5_PAGE = 'var page = { data: { n: 1 } };\nPage(page);\n'

function makeFixture(): Fixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'))
  const dist = path.join(dir, 'dist')
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true })
    fs.writeFileSync(path.join(dist, rel), content)
  }
  write(
    'app.json',
    JSON.stringify({
      pages: ['pages/home/index', 'pages/me/index'],
      subPackages: [{ root: 'packages/shop', pages: ['item/index'] }],
    }),
  )
  write('app.js', 'App({});\n')
  for (const page of ['pages/home/index', 'pages/me/index', 'packages/shop/item/index']) {
    write(`${page}.js`, ES5_PAGE)
    write(`${page}.json`, '{}')
    write(`${page}.wxml`, '<view/>')
  }
  const project = path.join(dir, 'project.config.json')
  fs.writeFileSync(project, JSON.stringify({ miniprogramRoot: './dist', setting: { es6: false, enhance: false } }))
  const appConfig = path.join(dir, 'app.config.ts')
  fs.writeFileSync(appConfig, APP_CONFIG)
  return { dir, dist, project, appConfig }
}

function check(fixture: Pick<Fixture, 'dist' | 'project' | 'appConfig'>, floorMainBytes = FLOOR_MAIN_BYTES) {
  const result = spawnSync(
    process.execPath,
    [
      script,
      '--dir',
      fixture.dist,
      '--project',
      fixture.project,
      '--app-config',
      fixture.appConfig,
      '--floor-main-bytes',
      floorMainBytes,
    ],
    { encoding: 'utf8', cwd: repoRoot },
  )
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` }
}

let fixture: Fixture
beforeEach(() => {
  fixture = makeFixture()
})
afterEach(() => {
  fs.rmSync(fixture.dir, { recursive: true, force: true })
})

test('a complete ES5 build whose pages match the app config passes', () => {
  const { code, out } = check(fixture)
  expect(out).toContain('parsed as ES5')
  expect(out).toContain('check-weapp OK')
  expect(code).toBe(0)
})

test('object spread in a file fails as not ES5, naming the file and line', () => {
  fs.writeFileSync(
    path.join(fixture.dist, 'packages/shop/item/index.js'),
    'var a = 1;\nvar b = { ...{ c: a } };\nPage(b);\n',
  )
  const { code, out } = check(fixture)
  expect(code).toBe(1)
  expect(out).toMatch(/packages\/shop\/item\/index\.js:2:\d+ is not ES5/)
})

test('const is refused at es6: false and accepted when the project lets DevTools compile ES6', () => {
  fs.writeFileSync(path.join(fixture.dist, 'app.js'), 'const x = () => 1;\nApp({ x: x });\n')
  const refused = check(fixture)
  expect(refused.code).toBe(1)
  expect(refused.out).toMatch(/app\.js:1:1 is not ES5/)

  fs.writeFileSync(fixture.project, JSON.stringify({ setting: { es6: true, enhance: true } }))
  const accepted = check(fixture)
  expect(accepted.out).toContain('parsed as ES2020')
  expect(accepted.code).toBe(0)
})

test('the copy of project.config.json in the build must declare the same level', () => {
  fs.writeFileSync(path.join(fixture.dist, 'project.config.json'), JSON.stringify({ setting: { es6: true } }))
  const { code, out } = check(fixture)
  expect(code).toBe(1)
  expect(out).toMatch(/project\.config\.json in the build says es6: true/)
})

test('a page of the app config missing from app.json fails', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(fixture.dist, 'app.json'), 'utf8')) as {
    subPackages: { pages: string[] }[]
  }
  appJson.subPackages[0]!.pages = []
  fs.writeFileSync(path.join(fixture.dist, 'app.json'), JSON.stringify(appJson))
  const { code, out } = check(fixture)
  expect(code).toBe(1)
  expect(out).toContain('subpackage packages/shop: item/index is in src/app.config.ts but not in app.json')
})

test('a page in app.json that the app config does not declare fails, and so does its missing file', () => {
  fs.writeFileSync(
    path.join(fixture.dist, 'app.json'),
    JSON.stringify({
      pages: ['pages/home/index', 'pages/me/index', 'pages/old/index'],
      subPackages: [{ root: 'packages/shop', pages: ['item/index'] }],
    }),
  )
  const { code, out } = check(fixture)
  expect(code).toBe(1)
  expect(out).toContain('main package: pages/old/index is in app.json but not in src/app.config.ts')
  expect(out).toContain('page pages/old/index: missing pages/old/index.js')
})

test('a main package over its ratio to the empty app fails', () => {
  const { code, out } = check(fixture, '100')
  expect(code).toBe(1)
  expect(out).toMatch(/main package is .* the empty Taro app's 0\.1 KB, gate/)
})

test('the real build (dist/weapp) passes against project.config.json and src/app.config.ts', () => {
  const dist = path.join(repoRoot, 'dist/weapp')
  if (!fs.existsSync(path.join(dist, 'app.json')))
    throw new Error('dist/weapp is missing: run npm run build:weapp first')
  // The ratio gate is npm test's check:weapp step (with the floor built and cached) and is exercised above;
  // a huge floor here keeps this test from building the empty app.
  const { code, out } = check(
    { dist, project: path.join(repoRoot, 'project.config.json'), appConfig: path.join(repoRoot, 'src/app.config.ts') },
    String(1_000_000_000),
  )
  expect(out).toContain('parsed as ES5')
  expect(out).toContain('check-weapp OK')
  expect(code).toBe(0)
})
