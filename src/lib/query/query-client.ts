import Taro from '@tarojs/taro'
import { MutationCache, QueryCache, QueryClient, focusManager } from '@tanstack/react-query'
import { isApiError } from '../http'
import { describeError, useLocale } from '../i18n'

export type QueryClientHooks = {
  /** A 401 anywhere: the session is gone; the app signs out and sends the member to sign-in. */
  onUnauthorized: () => void
}

declare module '@tanstack/react-query' {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Register {
    // A mutation whose screen shows its own error (a form with field errors) skips the toast.
    mutationMeta: { isErrorShownInPlace?: boolean }
  }
}

function toast(error: unknown): void {
  const title = describeError(error, useLocale.getState().locale)
  // Taro's H5 toast comes with its modal and action sheet (~7 KB gzip): this is the only toast the first
  // screen could need, so on H5 it loads with the first error instead. WeChat's toast is native.
  if (process.env.TARO_ENV === 'h5') void import('./error-toast').then(({ showErrorToast }) => showErrorToast(title))
  else void Taro.showToast({ title, icon: 'none', duration: 2500 })
}

const MAX_QUERY_RETRIES = 2

/**
 * The one place where failed calls turn into UI: a 401 signs out and redirects, a background
 * refresh that fails while data is on screen toasts (a first load shows the page's error state),
 * and a failed mutation toasts unless its screen shows the error in place.
 */
export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.kind === 'unauthorized') return hooks.onUnauthorized()
        if (query.state.data !== undefined) toast(error)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.kind === 'unauthorized') return hooks.onUnauthorized()
        if (!mutation.meta?.isErrorShownInPlace) toast(error)
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30 * 1000,
        // Reads are safe to repeat, but only when the failure may be passing.
        retry: (failureCount, error) =>
          failureCount < MAX_QUERY_RETRIES && isApiError(error) && error.isTransient && error.kind !== 'rate-limited',
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
      // Writes are retried by the person (with the same Idempotency-Key), never silently.
      mutations: { retry: false },
    },
  })
}

/** App show / hide drive TanStack's focus: stale queries refresh when the member comes back. */
export function connectAppVisibility(): void {
  focusManager.setEventListener((setFocused) => {
    const onShow = () => setFocused(true)
    const onHide = () => setFocused(false)
    Taro.onAppShow?.(onShow)
    Taro.onAppHide?.(onHide)
    return () => {
      Taro.offAppShow?.(onShow)
      Taro.offAppHide?.(onHide)
    }
  })
}
