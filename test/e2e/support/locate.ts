import type { Frame, Page } from 'playwright-core'

/** The visible element(s) with this test id (Taro's H5 keeps the pages below the current one in the DOM, hidden). */
export const visible = (page: Page | Frame, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

/**
 * Waits until a page carrying this test id is the one in front: laid out and not slid aside. Taro's H5 keeps the
 * pages below in the DOM, and the stack may hold an earlier instance of the same page, so any one in front will do.
 */
export async function pageInFront(page: Page | Frame, testId: string): Promise<void> {
  await page.waitForFunction(
    (id) =>
      Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).some((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && Math.abs(box.left) < 1
      }),
    testId,
  )
}
