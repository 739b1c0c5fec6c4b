// What `@tarojs/taro` is inside a real H5 build: the taro-h5 API object (Taro.request over
// fetch, storage over localStorage, toasts) plus the page lifecycle hooks. Taro's own hooks
// need a page instance created by its router, which a component test has not got, so the page
// hooks here are driven by the test instead: `emitPage('show')` is the member coming back.
import { useEffect, useRef } from 'react'
import * as h5 from '@tarojs/taro-h5'

type PageEvent = 'show' | 'hide' | 'reachBottom' | 'pullDownRefresh'

const listeners: Record<PageEvent, Set<() => void>> = {
  show: new Set(),
  hide: new Set(),
  reachBottom: new Set(),
  pullDownRefresh: new Set(),
}
let routerParams: Record<string, string> = {}
let routerPath = ''

function usePageEvent(event: PageEvent, callback: () => void, isFiredOnMount = false): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const listener = () => latest.current()
    listeners[event].add(listener)
    if (isFiredOnMount) listener()
    return () => {
      listeners[event].delete(listener)
    }
  }, [event, isFiredOnMount])
}

export const useDidShow = (callback: () => void) => usePageEvent('show', callback, true)
export const useDidHide = (callback: () => void) => usePageEvent('hide', callback)
export const useReachBottom = (callback: () => void) => usePageEvent('reachBottom', callback)
export const usePullDownRefresh = (callback: () => void) => usePageEvent('pullDownRefresh', callback)
export const useLoad = (callback: (params: Record<string, string>) => void) => {
  const latest = useRef(callback)
  useEffect(() => latest.current(routerParams), [])
}
/** The page has rendered (here: once it has mounted). */
export const useReady = (callback: () => void) => {
  const latest = useRef(callback)
  useEffect(() => latest.current(), [])
}
/** The id Taro's H5 router gives the current page's element (its path and a stamp). */
export const TEST_PAGE_PATH = '/pages/test/index?stamp=0'
export const useRouter = () => ({ params: routerParams, path: routerPath, $taroPath: TEST_PAGE_PATH })

const scrollListeners = new Set<(event: { scrollTop: number }) => void>()
export const usePageScroll = (callback: (event: { scrollTop: number }) => void) => {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const listener = (event: { scrollTop: number }) => latest.current(event)
    scrollListeners.add(listener)
    return () => {
      scrollListeners.delete(listener)
    }
  }, [])
}
/** Test control: the page scrolled to `scrollTop` (screen pixels), as Taro's onPageScroll reports it. */
export function emitPageScroll(scrollTop: number): void {
  for (const listener of [...scrollListeners]) listener({ scrollTop })
}

/** Test controls: fire a page event on every mounted page; set the current page's query. */
export function emitPage(event: PageEvent): void {
  for (const listener of [...listeners[event]]) listener()
}
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

/** Test control: the page the router is on (`/pages/mall/index`), as Taro's useRouter().path says it. */
export function setRouterPath(path: string): void {
  routerPath = path
}

const taroH5 = (h5 as unknown as { default: Record<string, unknown> }).default
const Taro = Object.assign(taroH5, h5, {
  useDidShow,
  useDidHide,
  useReachBottom,
  usePullDownRefresh,
  useLoad,
  useReady,
  useRouter,
  usePageScroll,
})

export default Taro
export * from '@tarojs/taro-h5'
