/**
 * Where the API lives. H5 talks to its own origin (`/api/v1`: the dev server and the test server
 * forward it to the mock); the mini-program needs an absolute URL, by default the mock on this
 * machine (WeChat DevTools with "不校验合法域名"). `TARO_APP_API_BASE` points either at a real API.
 */
const DEFAULT_WEAPP_API_BASE = 'http://127.0.0.1:9527/api/v1'

export const isWeapp = process.env.TARO_ENV === 'weapp'

export const apiBase: string =
  process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '/api/v1' : DEFAULT_WEAPP_API_BASE)

/** Every call gives up after this long; a 2G phone still gets an answer or a clear retry. */
export const REQUEST_TIMEOUT_MS = 10_000
