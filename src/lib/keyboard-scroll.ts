import { useEffect, useState } from 'react'
import { useReady, useRouter } from '@tarojs/taro'

/**
 * H5: Taro scrolls each page inside its own element (the `.taro_page` whose id is the page's $taroPath,
 * overflow-y: scroll), not the window. A keyboard scrolls that element only while focus is inside it, so a
 * long page that only lists things, with no control to tab to (the KOL's fans), could not be scrolled from
 * the keyboard at all (WCAG 2.1.1; axe's scrollable-region-focusable). This makes the page element a
 * focusable region named after the page, so Tab reaches it and the arrow keys scroll it.
 * Call it on pages whose content may overflow with nothing focusable in it. The mini-program scrolls its
 * pages natively (no element to focus): nothing to do there.
 */
export function useKeyboardScrollablePage(label: string): void {
  const { $taroPath } = useRouter()
  // The router puts the page element in the document after React's first commit (with Taro's plain-DOM H5
  // components the page's effects can run before it is there); onReady comes once it is.
  const [isReady, setIsReady] = useState(false)
  useReady(() => setIsReady(true))
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !$taroPath || !isReady) return
    const page = document.getElementById($taroPath)
    if (!page) return
    page.tabIndex = 0
    page.setAttribute('role', 'region')
    page.setAttribute('aria-label', label)
    return () => {
      page.removeAttribute('tabindex')
      page.removeAttribute('role')
      page.removeAttribute('aria-label')
    }
  }, [$taroPath, isReady, label])
}
