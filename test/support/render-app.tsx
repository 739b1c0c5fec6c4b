import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient } from '@/lib/query'

/**
 * Renders with the app's own query client (its error handling and 401 hook), with retries off so
 * a fault shows at once (TkDodo's testing pattern); a fresh client per test.
 */
export function renderWithApp(ui: ReactElement, options: { onUnauthorized?: () => void } = {}) {
  const queryClient = createQueryClient({ onUnauthorized: options.onUnauthorized ?? (() => undefined) })
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false, staleTime: Infinity },
    mutations: { retry: false },
  })
  return { queryClient, ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>) }
}
