import { fireEvent, waitFor } from '@testing-library/react'

/**
 * Types into a Taro <Input> or a text field carrying the test id itself (a browser <textarea>, as the comment bar's
 * and the composer's on H5). On H5 a Taro Input is a web component that renders its inner <input> a tick
 * after mounting, so wait for it. That tick can wait behind an in-process server migrating and seeding on the
 * same thread (installInProcessApi starts one at once), so the wait is longer than waitFor's default second.
 */
export async function typeInto(container: HTMLElement, testId: string, value: string): Promise<void> {
  const input = await waitFor(
    () => {
      const found = container.querySelector(`[data-testid="${testId}"] input, textarea[data-testid="${testId}"]`)
      if (!found) throw new Error(`no input inside [data-testid="${testId}"] nor a textarea with it`)
      return found
    },
    { timeout: 5000 },
  )
  fireEvent.input(input, { target: { value } })
}

export function tap(container: HTMLElement, testId: string): void {
  const element = container.querySelector(`[data-testid="${testId}"]`)
  if (!element) throw new Error(`nothing with [data-testid="${testId}"]`)
  fireEvent.click(element)
}
