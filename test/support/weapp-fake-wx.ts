// A stand-in for WeChat's `wx` that is just enough for the built mini-program to run under
// miniprogram-simulate: requests go over real HTTP to the in-process server, storage lives in
// memory, navigation is handed to the harness's page stack, and every call is recorded so tests can
// assert on what a tap did (a request sent, a page opened, a toast shown).
import http from 'node:http'

export type RecordedRequest = { method: string; url: string; data: unknown }
export type NavigationKind = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
export type Navigation = { kind: NavigationKind; url: string; delta?: number }

export type FakeWxOptions = {
  /** The build's absolute API base (from src/lib/env) and the test server's: requests are re-pointed. */
  builtApiBase: string
  apiBase: string
  /** The launch scene getLaunchOptionsSync answers (default 1001, the chat list). */
  launchScene?: number
  /** The page stack: the harness opens and closes pages; a rejection fails the wx call. */
  navigate: (navigation: Navigation) => Promise<void>
}

type Callbacks = {
  success?: (result: unknown) => void
  fail?: (error: { errMsg: string }) => void
  complete?: (result: unknown) => void
}

export type FakeWx = {
  wx: Record<string, unknown>
  storage: Map<string, unknown>
  requests: RecordedRequest[]
  navigations: Navigation[]
  toasts: string[]
  /** The native tab bar's labels as wx.setTabBarItem last set them, by index (empty where the app set none). */
  tabBarTexts: string[]
  /** How the next wx.showModal calls are answered, in order (true: confirm, false: cancel); confirm once it is empty. */
  modalAnswers: boolean[]
  /** wx APIs the app called that this fake does not model: a test can see them instead of guessing. */
  unmodelled: string[]
  /** Resolves when every request sent so far has been answered (navigation is the harness's). */
  idle: () => Promise<void>
  /** What WeChat does when the app comes to the foreground: the wx.onAppShow listeners get the entry's options. */
  appShow: (options: { path: string; query: Record<string, string>; scene: number }) => void
}

const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.4.0',
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
}

const UI_ONLY_APIS = [
  'setTabBarItem',
  'setTabBarStyle',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'showTabBar',
  'hideTabBar',
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
  'setBackgroundColor',
  'setBackgroundTextStyle',
  'showLoading',
  'hideLoading',
  'hideToast',
  'showActionSheet',
  'setClipboardData',
  'vibrateShort',
  'vibrateLong',
  'startPullDownRefresh',
  'stopPullDownRefresh',
  'pageScrollTo',
  'previewImage',
  'showShareMenu',
  'hideShareMenu',
  'hideHomeButton',
  'makePhoneCall',
  'requestSubscribeMessage',
  'checkSession',
  'getSetting',
  'getNetworkType',
  'loadFontFace',
  'saveImageToPhotosAlbum',
  'canvasToTempFilePath',
  'chooseMedia',
  'chooseImage',
  'uploadFile',
  'downloadFile',
]

function settle(options: Callbacks | undefined, name: string, result: Record<string, unknown> = {}): void {
  const answer = { errMsg: `${name}:ok`, ...result }
  // WeChat answers asynchronously: a synchronous callback would hide ordering bugs.
  setTimeout(() => {
    options?.success?.(answer)
    options?.complete?.(answer)
  }, 0)
}

function failWith(options: Callbacks | undefined, name: string, reason: string): void {
  const answer = { errMsg: `${name}:fail ${reason}` }
  setTimeout(() => {
    options?.fail?.(answer)
    options?.complete?.(answer)
  }, 0)
}

function encodeQuery(data: unknown): string {
  if (data === null || typeof data !== 'object') return ''
  const pairs = Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.join('&')
}

export function createFakeWx(options: FakeWxOptions): FakeWx {
  const storage = new Map<string, unknown>()
  const requests: RecordedRequest[] = []
  const navigations: Navigation[] = []
  const toasts: string[] = []
  const tabBarTexts: string[] = []
  const modalAnswers: boolean[] = []
  const unmodelled: string[] = []
  const inFlight = new Set<Promise<void>>()
  const appShowListeners = new Set<(options: unknown) => void>()

  type RequestOptions = Callbacks & {
    url: string
    method?: string
    data?: unknown
    header?: Record<string, string>
    timeout?: number
  }

  function request(requestOptions: RequestOptions): { abort: () => void } {
    const method = (requestOptions.method ?? 'GET').toUpperCase()
    let url = requestOptions.url
    if (url.startsWith(options.builtApiBase)) url = options.apiBase + url.slice(options.builtApiBase.length)
    let body: string | undefined
    if (method === 'GET' || method === 'DELETE') {
      const query = encodeQuery(requestOptions.data)
      if (query) url += (url.includes('?') ? '&' : '?') + query
    } else if (requestOptions.data !== undefined) {
      body = typeof requestOptions.data === 'string' ? requestOptions.data : JSON.stringify(requestOptions.data)
    }
    requests.push({ method, url, data: requestOptions.data })
    const headers: Record<string, string> = { ...(requestOptions.header ?? {}) }
    if (body !== undefined && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json'
    }
    let aborted = false
    let outgoing: http.ClientRequest | undefined
    const done = new Promise<void>((resolve) => {
      // agent: false: no keep-alive socket outlives the test and holds the server open.
      outgoing = http.request(url, { method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let data: unknown = text
          try {
            data = JSON.parse(text)
          } catch {
            // wx.request hands back the raw string when the body is not JSON.
          }
          if (!aborted) {
            const answer = {
              data,
              statusCode: response.statusCode ?? 0,
              header: response.headers,
              errMsg: 'request:ok',
            }
            requestOptions.success?.(answer)
            requestOptions.complete?.(answer)
          }
          resolve()
        })
      })
      outgoing.on('error', (error) => {
        if (!aborted) {
          const answer = { errMsg: `request:fail ${error.message}` }
          requestOptions.fail?.(answer)
          requestOptions.complete?.(answer)
        }
        resolve()
      })
      if (body !== undefined) outgoing.write(body)
      outgoing.end()
    })
    inFlight.add(done)
    void done.then(() => inFlight.delete(done))
    return {
      abort: () => {
        aborted = true
        outgoing?.destroy()
        const answer = { errMsg: 'request:fail abort' }
        requestOptions.fail?.(answer)
        requestOptions.complete?.(answer)
      },
    }
  }

  function navigation(kind: NavigationKind) {
    return (navOptions: Callbacks & { url?: string; delta?: number }) => {
      const record: Navigation = { kind, url: navOptions.url ?? '', delta: navOptions.delta }
      navigations.push(record)
      const answer = { errMsg: `${kind}:ok` }
      // Not tracked by idle(): the harness settles after the page it opens, which would wait on itself.
      void options.navigate(record).then(
        () => {
          navOptions.success?.(answer)
          navOptions.complete?.(answer)
        },
        (error: unknown) => {
          const failure = { errMsg: `${kind}:fail ${String(error)}` }
          navOptions.fail?.(failure)
          navOptions.complete?.(failure)
        },
      )
    }
  }

  const modelled: Record<string, unknown> = {
    request,
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: navigation('navigateBack'),
    login: (callbacks: Callbacks) => settle(callbacks, 'login', { code: `wx-code-${Date.now()}` }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Callbacks & { key: string }) =>
      storage.has(o.key)
        ? settle(o, 'getStorage', { data: storage.get(o.key) })
        : failWith(o, 'getStorage', 'data not found'),
    setStorage: (o: Callbacks & { key: string; data: unknown }) => {
      storage.set(o.key, o.data)
      settle(o, 'setStorage')
    },
    removeStorage: (o: Callbacks & { key: string }) => {
      storage.delete(o.key)
      settle(o, 'removeStorage')
    },
    showToast: (o: Callbacks & { title: string }) => {
      toasts.push(o.title)
      settle(o, 'showToast')
    },
    setTabBarItem: (o: Callbacks & { index: number; text?: string }) => {
      if (o.text !== undefined) tabBarTexts[o.index] = o.text
      settle(o, 'setTabBarItem')
    },
    showModal: (o: Callbacks & { content?: string; title?: string }) => {
      toasts.push(o.content ?? o.title ?? '')
      const confirm = modalAnswers.shift() ?? true
      settle(o, 'showModal', { confirm, cancel: !confirm })
    },
    getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
    getSystemInfo: (o: Callbacks) => settle(o, 'getSystemInfo', { ...SYSTEM_INFO }),
    getWindowInfo: () => ({ ...SYSTEM_INFO }),
    getDeviceInfo: () => ({ ...SYSTEM_INFO }),
    getAppBaseInfo: () => ({ ...SYSTEM_INFO }),
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: options.launchScene ?? 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: options.launchScene ?? 1001 }),
    getMenuButtonBoundingClientRect: () => ({ top: 51, bottom: 83, left: 297, right: 384, width: 87, height: 32 }),
    canIUse: () => true,
    nextTick: (callback: () => void) => void Promise.resolve().then(callback),
    onAppShow: (listener: (options: unknown) => void) => void appShowListeners.add(listener),
    onAppHide: () => undefined,
    offAppShow: (listener: (options: unknown) => void) => void appShowListeners.delete(listener),
    offAppHide: () => undefined,
    onNetworkStatusChange: () => undefined,
    createSelectorQuery: () => createSelectorQueryStub(),
    reportAnalytics: () => undefined,
  }

  const recordingStub = (name: string) =>
    function unmodelledApi(callbacks?: Callbacks) {
      unmodelled.push(name)
      // UI-only APIs (loading, tab bar labels, titles, clipboard...) simply succeed here.
      if (callbacks && typeof callbacks === 'object') settle(callbacks, name)
    }

  // Taro builds Taro.* from Object.keys(wx): the UI-only APIs must exist as keys. They succeed and
  // are recorded (loading, tab bar labels, titles, clipboard...), so a test can still assert on them.
  for (const name of UI_ONLY_APIS) modelled[name] ??= recordingStub(name)

  // A direct wx.* call to an API missing above is recorded instead of crashing the page.
  const wx = new Proxy(modelled, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (key in target) return target[key]
      // Not an API: webpack keeps its chunk list on wx (wx.webpackJsonp) and reads it first.
      if (key.startsWith('webpack') || key.startsWith('_')) return undefined
      if (key.endsWith('Sync') || key.startsWith('on') || key.startsWith('off')) return undefined
      return recordingStub(key)
    },
  })

  return {
    wx,
    storage,
    requests,
    navigations,
    toasts,
    tabBarTexts,
    modalAnswers,
    unmodelled,
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
    appShow: (showOptions) => {
      for (const listener of appShowListeners) listener(showOptions)
    },
  }
}

// Layout is not computed under jsdom: queries answer with empty boxes rather than hang.
function createSelectorQueryStub() {
  const pending: Array<() => unknown> = []
  const query = {
    in: () => query,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec: (callback?: (results: unknown[]) => void) => {
      const results = pending.map((make) => make())
      setTimeout(() => callback?.(results), 0)
    },
  }
  const node = {
    boundingClientRect: (callback?: (rect: unknown) => void) => {
      pending.push(() => {
        const rect = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }
        callback?.(rect)
        return rect
      })
      return query
    },
    scrollOffset: (callback?: (offset: unknown) => void) => {
      pending.push(() => {
        const offset = { scrollTop: 0, scrollLeft: 0 }
        callback?.(offset)
        return offset
      })
      return query
    },
    fields: (_fields: unknown, callback?: (result: unknown) => void) => {
      pending.push(() => {
        callback?.(null)
        return null
      })
      return query
    },
    node: (callback?: (result: unknown) => void) => {
      pending.push(() => {
        callback?.(null)
        return null
      })
      return query
    },
  }
  return query
}
