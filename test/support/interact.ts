import { fireEvent, waitFor } from '@testing-library/react'

/**
 * Types into a Taro <Input>. On H5 it is a web component that renders its inner <input> a tick
 * after mounting, so wait for it.
 */
export async function typeInto(container: HTMLElement, testId: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const found = container.querySelector(`[data-testid="${testId}"] input`)
    if (!found) throw new Error(`no input inside [data-testid="${testId}"]`)
    return found
  })
  fireEvent.input(input, { target: { value } })
}

export function tap(container: HTMLElement, testId: string): void {
  const element = container.querySelector(`[data-testid="${testId}"]`)
  if (!element) throw new Error(`nothing with [data-testid="${testId}"]`)
  fireEvent.click(element)
}
