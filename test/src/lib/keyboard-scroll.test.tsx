import { render } from '@testing-library/react'
import { useKeyboardScrollablePage } from '@/lib/keyboard-scroll'
import { TEST_PAGE_PATH } from '../../support/taro-shim'

function ListPage({ title }: { title: string }) {
  useKeyboardScrollablePage(title)
  return <p>rows</p>
}

// Stands in for the element Taro's H5 router scrolls each page in (id = the page's $taroPath).
function pageElement(): HTMLElement {
  const page = document.createElement('div')
  page.id = TEST_PAGE_PATH
  page.className = 'taro_page'
  document.body.append(page)
  return page
}

afterEach(() => {
  document.getElementById(TEST_PAGE_PATH)?.remove()
})

test('the page element becomes a focusable region named after the page, and is plain again when it leaves', () => {
  const page = pageElement()
  const { rerender, unmount } = render(<ListPage title='我的粉丝' />)
  expect(page.tabIndex).toBe(0)
  expect(page.getAttribute('role')).toBe('region')
  expect(page.getAttribute('aria-label')).toBe('我的粉丝')
  page.focus()
  expect(document.activeElement).toBe(page)

  rerender(<ListPage title='My fans' />)
  expect(page.getAttribute('aria-label')).toBe('My fans')

  unmount()
  expect(page.hasAttribute('tabindex')).toBe(false)
  expect(page.hasAttribute('role')).toBe(false)
  expect(page.hasAttribute('aria-label')).toBe(false)
})

test('without a page element (not yet mounted by the router) it changes nothing and does not throw', () => {
  const { unmount } = render(<ListPage title='我的粉丝' />)
  expect(document.querySelector('[role="region"]')).toBeNull()
  unmount()
})
