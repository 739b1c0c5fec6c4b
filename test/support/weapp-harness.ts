// Runs the built mini-program (dist/weapp) headlessly: WeChat's own WXML compiler (wcc, inside the
// pinned miniprogram-compiler package) compiles the pages, j-component + miniprogram-exparser render
// them in jsdom, and this file plays the WeChat host around them: it evaluates the built JS the way
// the App Service does (no `window`, no `document`), provides App/Page/getApp/getCurrentPages,
// keeps a page stack for wx.navigateTo/switchTab/navigateBack, and watches every setData.
//
// What it cannot see: layout, CSS, native components (canvas, the real login) and timing on a phone.
import fs from 'node:fs'
import path from 'node:path'
import { createFakeWx, type FakeWx, type Navigation } from './weapp-fake-wx'

/* eslint-disable @typescript-eslint/no-require-imports -- the simulator packages are CommonJS without types */
const simulate = require('miniprogram-simulate') as {
  load: (componentPath: string, options: Record<string, unknown>) => string
  render: (id: string) => RootComponent
}
const simulateUtils = require('miniprogram-simulate/src/utils') as { runJs: (filePath: string) => void }
const exparser = require('miniprogram-exparser') as ExparserApi
/* eslint-enable @typescript-eslint/no-require-imports */

// WEAPP_DIST: another build to run, e.g. dist/weapp-preview (the one with the preview console).
export const DIST = path.resolve(__dirname, '../..', process.env.WEAPP_DIST ?? 'dist/weapp')
/** WeChat refuses a single setData whose payload is over 1 MB (and warns far below that). */
export const SETDATA_LIMIT_BYTES = 1024 * 1024
/** The API base baked into the build when TARO_APP_API_BASE is unset (src/lib/env.ts). */
const BUILT_API_BASE = 'http://127.0.0.1:9527/api/v1'

type ExparserNode = {
  $$: Element
  triggerLifeTime?: (name: string, args: unknown[]) => void
}
type ExparserApi = {
  Event: {
    create: (type: string, detail: unknown, options: Record<string, unknown>) => unknown
    dispatchEvent: (target: ExparserNode, event: unknown) => void
  }
  addGlobalErrorListener: (listener: (error: unknown, info: { message?: string }) => boolean | void) => void
  removeGlobalErrorListener: (listener: (error: unknown, info: { message?: string }) => boolean | void) => void
}
type RootComponent = {
  dom: Element
  instance: PageInstance
  attach: (parent: Element) => void
  detach: () => void
}
type PageInstance = Record<string, unknown> & {
  setData: (data: Record<string, unknown>, callback?: () => void) => void
}
type Config = Record<string, unknown>

/**
 * Browser globals the WeChat App Service does not have. The built code sees them as undefined, so a
 * page that reaches for `document` or `localStorage` fails here as it would on a phone. Taro's own
 * `window`/`document` (injected by its webpack config) are module variables and still work.
 */
const ABSENT_ON_WEAPP = [
  'window',
  'document',
  'self',
  'top',
  'parent',
  'frames',
  'location',
  'history',
  'navigator',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'fetch',
  'Headers',
  'Request',
  'Response',
  'Element',
  'HTMLElement',
  'Node',
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'getComputedStyle',
  'matchMedia',
  'customElements',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'AbortController',
  'AbortSignal',
] as const

/** Stands in for `globalThis` inside the built code: the real global minus the browser-only names. */
function appServiceGlobal(): object {
  const realGlobal = globalThis as unknown as Record<PropertyKey, unknown>
  const hidden = new Set<PropertyKey>(ABSENT_ON_WEAPP)
  return new Proxy(
    {},
    {
      get: (_target, key) => (hidden.has(key) ? undefined : realGlobal[key]),
      set: (_target, key, value) => {
        realGlobal[key] = value
        return true
      },
      has: (_target, key) => !hidden.has(key) && key in realGlobal,
      ownKeys: () => Reflect.ownKeys(realGlobal).filter((key) => !hidden.has(key)),
      getOwnPropertyDescriptor: (_target, key) =>
        hidden.has(key) || !(key in realGlobal)
          ? undefined
          : { value: realGlobal[key], writable: true, enumerable: true, configurable: true },
      defineProperty: (_target, key, descriptor) => {
        Object.defineProperty(realGlobal, key, { ...descriptor, configurable: true })
        return true
      },
      deleteProperty: (_target, key) => delete realGlobal[key],
    },
  )
}

export type SetDataRecord = { route: string; largestBytes: number; calls: number }

export type WeappPage = {
  route: string
  query: Record<string, string>
  component: RootComponent
  /** All text the page shows, in document order (Taro's recursive `comp` subtrees included). */
  text: () => string
}

export type LaunchOptions = {
  /** The test server's API base (ends in /api/v1). */
  apiBase: string
  /** A session token to start signed in, as the app would after a sign-in and a restart. */
  token?: string
  /** The first page (defaults to app.json's first page). */
  entry?: string
  /** WeChat's launch scene (default 1001); 1154 is a page opened from Moments (single-page mode). */
  scene?: number
  /** What an earlier launch kept (its `fake.storage`): the same phone, restarted. */
  storage?: ReadonlyMap<string, unknown>
}

export type Weapp = {
  fake: FakeWx
  /** Pages from bottom to top, as getCurrentPages() answers. */
  stack: () => WeappPage[]
  current: () => WeappPage
  /** Opens a page as the WeChat client would for a navigateTo (tab pages via switchTab). */
  open: (url: string) => Promise<WeappPage>
  /** Waits until no request is in flight and setData has gone quiet. */
  settle: () => Promise<void>
  /**
   * The app goes to the background and comes back through another entry (a share, a mini-program code): App
   * onHide/onShow and the wx.onAppShow listeners get that entry's options; the page stack stays.
   */
  comeBack: (entry: string, scene?: number) => Promise<void>
  waitForText: (text: string | RegExp, timeoutMs?: number) => Promise<WeappPage>
  tap: (text: string | RegExp) => Promise<void>
  /** Fires a component event (input, change...) on the element showing `text` or matching a selector. */
  trigger: (target: Element, type: string, detail: unknown) => Promise<void>
  find: (text: string | RegExp) => Element
  /** Types into the page's n-th <input>/<textarea> (in document order). */
  type: (index: number, value: string) => Promise<void>
  findAll: (selector: string) => Element[]
  /** console.error calls, exparser listener errors and unhandled rejections since launch. */
  errors: string[]
  setData: Map<string, SetDataRecord>
  /** How many of Taro's recursive `comp` components were created: one per subtree deeper than `mini.baseLevel`. */
  compInstances: () => number
  close: () => void
}

type AppJson = {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
}

export function readAppJson(): AppJson {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson
}

/** Every page the mini-program declares, main package first, as routes without a leading slash. */
export function allRoutes(): string[] {
  const appJson = readAppJson()
  const sub = (appJson.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))
  return [...appJson.pages, ...sub]
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart = '', queryPart = ''] = url.replace(/^\//, '').split('?')
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=')
    query[decodeURIComponent(key)] = decodeURIComponent(value)
  }
  return { route: pathPart, query }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual.includes(expected) : expected.test(actual)
}

/**
 * Boots the built app: app.js and the chunks it requires run once, App() is launched, then the
 * entry page opens. Each launch has its own module registry, `wx` and storage: a fresh phone.
 */
export async function launchWeapp(options: LaunchOptions): Promise<Weapp> {
  const appJson = readAppJson()
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const errors: string[] = []
  const setData = new Map<string, SetDataRecord>()
  const stack: WeappPage[] = []
  const keptTabs = new Map<string, WeappPage>()
  let setDataCalls = 0
  let compInstances = 0
  let closed = false

  // --- errors: anything the app logs as an error or throws where nobody catches it
  const originalConsoleError = console.error
  console.error = (...args: unknown[]) => {
    errors.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '))
    originalConsoleError(...args)
  }
  const onExparserError = (error: unknown, info: { message?: string }) => {
    errors.push(`${info.message ?? 'exparser'}: ${error instanceof Error ? error.message : String(error)}`)
    // Returning false keeps exparser from logging it a second time through console.error.
    return false
  }
  exparser.addGlobalErrorListener(onExparserError)
  const onRejection = (reason: unknown) => {
    errors.push(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`)
  }
  process.on('unhandledRejection', onRejection)

  const fake = createFakeWx({
    builtApiBase: BUILT_API_BASE,
    apiBase: options.apiBase,
    launchScene: options.scene,
    navigate: (navigation) => navigate(navigation),
  })
  for (const [key, value] of options.storage ?? []) fake.storage.set(key, value)
  if (options.token) {
    // The shape zustand's persist writes for the session store (src/stores/session.ts).
    fake.storage.set(
      'fanloop.session',
      JSON.stringify({ state: { token: options.token, installId: 'weappharness01' }, version: 0 }),
    )
  }

  // --- the App Service: CommonJS over dist/weapp with WeChat's globals and without the browser's
  const moduleCache = new Map<string, { exports: unknown }>()
  const pageConfigs = new Map<string, Config>()
  const componentConfigs = new Map<string, Config>()
  let appConfig: Config | undefined
  let evaluating = ''
  const serviceGlobal = appServiceGlobal()
  const absent = ABSENT_ON_WEAPP.map(() => undefined)

  function requireDist(file: string): unknown {
    const absolute = file.endsWith('.js') ? file : `${file}.js`
    const cached = moduleCache.get(absolute)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    moduleCache.set(absolute, module)
    const source = fs.readFileSync(absolute, 'utf8')
    const names = [
      'require',
      'module',
      'exports',
      'wx',
      'App',
      'Page',
      'Component',
      'getApp',
      'getCurrentPages',
      'globalThis',
      ...ABSENT_ON_WEAPP,
    ]
    const run = new Function(...names, `${source}\n//# sourceURL=${absolute}`) as (...args: unknown[]) => void
    const previous = evaluating
    evaluating = absolute
    try {
      run(
        (request: string) => requireDist(path.resolve(path.dirname(absolute), request)),
        module,
        module.exports,
        fake.wx,
        (config: Config) => (appConfig = config),
        (config: Config) => pageConfigs.set(evaluating, config),
        (config: Config) => componentConfigs.set(evaluating, config),
        () => appConfig,
        () => stack.map((page) => page.component.instance),
        serviceGlobal,
        ...absent,
      )
    } finally {
      evaluating = previous
    }
    return module.exports
  }

  requireDist(path.join(DIST, 'app.js'))
  if (!appConfig) throw new Error('dist/weapp/app.js did not call App()')
  const app = appConfig
  // Taro's recursive custom component (base.wxml hands deep subtrees to it).
  requireDist(path.join(DIST, 'comp.js'))

  // miniprogram-simulate runs a component's JS through this hook; ours answers with the configs the
  // App Service captured above, so the built JS runs once per launch, as on a phone.
  simulateUtils.runJs = (filePath: string) => {
    const absolute = `${filePath}.js`
    const page = pageConfigs.get(absolute)
    const component = componentConfigs.get(absolute)
    const declare = (globalThis as unknown as { Component: (definition: Config) => void }).Component
    if (component) {
      declare(watchSetData({ ...component }, 'comp'))
    } else if (page) {
      const methods: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(page)) if (typeof value === 'function') methods[key] = value
      declare(watchSetData({ data: structuredClone(page.data ?? {}), methods }, filePath))
    } else {
      throw new Error(`no Page() or Component() was captured for ${filePath}`)
    }
  }

  /** Wraps the instance's setData so each payload is measured before exparser applies it. */
  function watchSetData(definition: Config, label: string): Config {
    const lifetimes = (definition.lifetimes ?? {}) as Record<string, (...args: unknown[]) => void>
    const created = lifetimes.created ?? (definition.created as ((...args: unknown[]) => void) | undefined)
    return {
      ...definition,
      lifetimes: {
        ...lifetimes,
        created(this: PageInstance, ...args: unknown[]) {
          if (label === 'comp') compInstances += 1
          const original = this.setData.bind(this)
          this.setData = (data, callback) => {
            const bytes = Buffer.byteLength(JSON.stringify(data))
            const route = label === 'comp' ? (stack.at(-1)?.route ?? 'comp') : path.relative(DIST, label)
            const record = setData.get(route) ?? { route, largestBytes: 0, calls: 0 }
            record.calls += 1
            record.largestBytes = Math.max(record.largestBytes, bytes)
            setData.set(route, record)
            setDataCalls += 1
            if (bytes > SETDATA_LIMIT_BYTES) {
              errors.push(`setData of ${bytes} bytes on ${route} is over WeChat's ${SETDATA_LIMIT_BYTES}-byte limit`)
            }
            original(data)
            // exparser applies data synchronously; WeChat calls back after the render layer has it.
            if (callback) setTimeout(callback, 0)
          }
          created?.apply(this, args)
        },
      },
    }
  }

  const host = document.createElement('div')
  document.body.appendChild(host)

  async function openPage(url: string): Promise<WeappPage> {
    const { route, query } = parseUrl(url)
    const pageFile = path.join(DIST, route)
    if (!pageConfigs.has(`${pageFile}.js`)) requireDist(pageFile)
    if (!pageConfigs.has(`${pageFile}.js`)) throw new Error(`${route}.js did not call Page()`)
    const id = simulate.load(pageFile, { rootPath: DIST })
    const component = simulate.render(id)
    const instance = component.instance
    Object.assign(instance, { route, __route__: route, options: query })
    component.attach(host)
    const page: WeappPage = { route, query, component, text: () => normalise(component.dom.textContent) }
    stack.push(page)
    call(page, 'onLoad', query)
    call(page, 'onShow')
    call(page, 'onReady')
    return page
  }

  function call(page: WeappPage, lifecycle: string, ...args: unknown[]): void {
    const method = page.component.instance[lifecycle]
    if (typeof method !== 'function') return
    try {
      ;(method as (...a: unknown[]) => void).apply(page.component.instance, args)
    } catch (error) {
      errors.push(
        `${page.route}.${lifecycle} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
    }
  }

  function unload(page: WeappPage): void {
    call(page, 'onUnload')
    page.component.detach()
    keptTabs.delete(page.route)
  }

  async function navigate(navigation: Navigation): Promise<void> {
    const { route } = parseUrl(navigation.url)
    const top = stack.at(-1)
    switch (navigation.kind) {
      case 'navigateTo':
      case 'redirectTo': {
        if (tabRoutes.has(route)) throw new Error(`${navigation.kind} can not open the tab page ${route}`)
        if (!allRoutes().includes(route)) throw new Error(`page ${route} is not in app.json`)
        if (top && navigation.kind === 'redirectTo') {
          stack.pop()
          if (!tabRoutes.has(top.route)) unload(top)
        } else if (top) call(top, 'onHide')
        await openPage(navigation.url)
        return
      }
      case 'navigateBack': {
        const delta = Math.max(1, navigation.delta ?? 1)
        for (let i = 0; i < delta && stack.length > 1; i += 1) {
          const leaving = stack.pop()
          if (leaving && !tabRoutes.has(leaving.route)) unload(leaving)
          else if (leaving) call(leaving, 'onHide')
        }
        const shown = stack.at(-1)
        if (shown) call(shown, 'onShow')
        return
      }
      case 'switchTab': {
        if (!tabRoutes.has(route)) throw new Error(`switchTab needs a tab page, got ${route}`)
        // WeChat closes every non-tab page and keeps the tab pages alive.
        while (stack.length > 0) {
          const leaving = stack.pop()
          if (leaving && !tabRoutes.has(leaving.route)) unload(leaving)
          else if (leaving && leaving.route !== route) call(leaving, 'onHide')
        }
        const kept = keptTabs.get(route)
        if (kept) {
          stack.push(kept)
          call(kept, 'onShow')
        } else {
          const page = await openPage(route)
          keptTabs.set(route, page)
        }
        return
      }
      case 'reLaunch': {
        while (stack.length > 0) {
          const leaving = stack.pop()
          if (leaving) unload(leaving)
        }
        for (const kept of keptTabs.values()) unload(kept)
        const page = await openPage(navigation.url)
        if (tabRoutes.has(route)) keptTabs.set(route, page)
        return
      }
    }
  }

  async function settle(): Promise<void> {
    let quietRounds = 0
    let lastRequests = fake.requests.length
    let lastSetData = setDataCalls
    for (let round = 0; round < 400 && quietRounds < 3; round += 1) {
      await fake.idle()
      await sleep(5)
      const isQuiet = fake.requests.length === lastRequests && setDataCalls === lastSetData
      quietRounds = isQuiet ? quietRounds + 1 : 0
      lastRequests = fake.requests.length
      lastSetData = setDataCalls
    }
  }

  function current(): WeappPage {
    const top = stack.at(-1)
    if (!top) throw new Error('no page is open')
    return top
  }

  function elementsWithText(text: string | RegExp): Element[] {
    const root = current().component.dom
    const all = [root, ...Array.from(root.querySelectorAll('*'))]
    const hits = all.filter((element) => matches(normalise(element.textContent), text))
    // The deepest elements: the ones a finger would land on.
    return hits.filter((element) => !hits.some((other) => other !== element && element.contains(other)))
  }

  function find(text: string | RegExp): Element {
    const [hit, ...more] = elementsWithText(text)
    if (!hit)
      throw new Error(`no element shows ${String(text)} on ${current().route}; the page shows: ${current().text()}`)
    if (more.length > 0 && typeof text === 'string' && normalise(hit.textContent) !== text) {
      const exact = [hit, ...more].find((element) => normalise(element.textContent) === text)
      if (exact) return exact
    }
    return hit
  }

  async function dispatch(target: Element, type: string, detail: unknown): Promise<void> {
    const node = (target as Element & { __wxElement?: ExparserNode }).__wxElement
    if (!node) throw new Error(`<${target.tagName.toLowerCase()}> is not an exparser node`)
    exparser.Event.dispatchEvent(
      node,
      exparser.Event.create(type, detail, {
        bubbles: true,
        composed: true,
        capturePhase: true,
        extraFields: { touches: [], changedTouches: [] },
      }),
    )
    await settle()
  }

  async function waitForText(text: string | RegExp, timeoutMs = 5_000): Promise<WeappPage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const page = current()
      if (matches(page.text(), text)) return page
      if (Date.now() > deadline) throw new Error(`${page.route} never showed ${String(text)}; it shows: ${page.text()}`)
      await sleep(20)
    }
  }

  const weapp: Weapp = {
    fake,
    stack: () => [...stack],
    current,
    open: async (url) => {
      const { route } = parseUrl(url)
      await navigate({ kind: tabRoutes.has(route) ? 'switchTab' : 'navigateTo', url })
      await settle()
      return current()
    },
    settle,
    comeBack: async (entry, scene = 1001) => {
      const appPage = { route: 'app', query: {}, component: { instance: app } } as unknown as WeappPage
      const top = stack[stack.length - 1]
      if (top) call(top, 'onHide')
      call(appPage, 'onHide')
      const { route, query } = parseUrl(entry)
      const options = { path: route, query, scene }
      call(appPage, 'onShow', options)
      fake.appShow(options)
      if (top) call(top, 'onShow')
      await settle()
    },
    waitForText,
    tap: async (text) => {
      // Like a person, wait for the thing to appear before tapping it.
      const deadline = Date.now() + 5_000
      while (elementsWithText(text).length === 0 && Date.now() < deadline) await sleep(20)
      await dispatch(find(text), 'tap', { x: 0, y: 0 })
    },
    trigger: dispatch,
    find,
    type: async (index, value) => {
      const input = Array.from(current().component.dom.querySelectorAll('wx-input, wx-textarea'))[index]
      if (!input) throw new Error(`${current().route} has no text field #${index}`)
      // What the keyboard sends: one input event with the whole value, then blur.
      await dispatch(input, 'input', { value, cursor: value.length, keyCode: 0 })
      await dispatch(input, 'blur', { value })
    },
    findAll: (selector) => Array.from(current().component.dom.querySelectorAll(selector)),
    errors,
    setData,
    compInstances: () => compInstances,
    close: () => {
      if (closed) return
      closed = true
      for (const page of [...stack].reverse()) unload(page)
      for (const page of keptTabs.values()) unload(page)
      stack.length = 0
      host.remove()
      console.error = originalConsoleError
      exparser.removeGlobalErrorListener(onExparserError)
      process.off('unhandledRejection', onRejection)
    },
  }

  // WeChat hands the entry's query (a shared path's ref, a mini-program code's scene) to onLaunch,
  // onShow and the first page's onLoad, tab page or not: a switchTab would drop it.
  const entry = options.entry ?? appJson.pages[0] ?? 'pages/home/index'
  const launch = { path: parseUrl(entry).route, query: parseUrl(entry).query, scene: options.scene ?? 1001 }
  call({ route: 'app', query: {}, component: { instance: app } } as unknown as WeappPage, 'onLaunch', launch)
  call({ route: 'app', query: {}, component: { instance: app } } as unknown as WeappPage, 'onShow', launch)
  fake.appShow(launch)
  await navigate({ kind: 'reLaunch', url: entry })
  await settle()
  return weapp
}

/** The largest single setData seen per page across every launch in this test file. */
const largestSetData = new Map<string, SetDataRecord>()

/**
 * Fails the test on anything a phone would have shown as broken: a logged error, an uncaught
 * exception, or a setData over WeChat's limit. Also files the page's setData sizes for the report.
 */
export function expectHealthy(weapp: Weapp): void {
  for (const record of weapp.setData.values()) {
    const seen = largestSetData.get(record.route)
    if (!seen || seen.largestBytes < record.largestBytes) largestSetData.set(record.route, { ...record })
  }
  // Over-limit setData calls are filed in `errors` as they happen, with the page and the size.
  expect(weapp.errors).toEqual([])
}

/**
 * Prints (and files under test-results/) the largest single setData per page, so a heavy update
 * (a long feed, a big image list) shows up here before it shows up on a phone.
 */
export function reportSetData(testFile: string): void {
  if (largestSetData.size === 0) return
  const rows = [...largestSetData.values()].sort((a, b) => b.largestBytes - a.largestBytes)
  const lines = rows.map((row) => `  ${(row.largestBytes / 1024).toFixed(1).padStart(8)} KB  ${row.route}`)
  console.log(
    `largest single setData per page (${path.basename(testFile)}; limit ${SETDATA_LIMIT_BYTES / 1024} KB):\n${lines.join('\n')}`,
  )
  const file = path.resolve(__dirname, '../../test-results/weapp-setdata.json')
  let merged: Record<string, number> = {}
  try {
    merged = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>
  } catch {
    // First file of the run.
  }
  for (const row of rows) merged[row.route] = Math.max(merged[row.route] ?? 0, row.largestBytes)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`)
}
