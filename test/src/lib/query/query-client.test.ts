import Taro from '@tarojs/taro'
import { QueryObserver, MutationObserver } from '@tanstack/react-query'
import { ApiError } from '@/lib/http'
import { createQueryClient } from '@/lib/query/query-client'

// The query client is the one place failed calls become UI. On H5 its toast module loads with the first
// error (off the first screen), so these tests also prove that the lazy load still shows the toast.
describe('the query client turns failures into UI', () => {
  let toast: jest.SpyInstance
  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  })
  afterEach(() => toast.mockRestore())

  const serverError = () => new ApiError({ kind: 'server', status: 503, code: 'UNAVAILABLE', message: 'down' })

  it('a failed write toasts what went wrong, unless its screen shows the error in place', async () => {
    const onUnauthorized = jest.fn()
    const client = createQueryClient({ onUnauthorized })
    const fail = () => Promise.reject(serverError())
    await new MutationObserver(client, { mutationFn: fail }).mutate().catch(() => undefined)
    await waitForCalls(toast, 1)
    expect(toast.mock.calls[0][0]).toMatchObject({ icon: 'none' })
    expect(String(toast.mock.calls[0][0].title).length).toBeGreaterThan(0)

    await new MutationObserver(client, { mutationFn: fail, meta: { isErrorShownInPlace: true } })
      .mutate()
      .catch(() => undefined)
    await flush()
    expect(toast).toHaveBeenCalledTimes(1)
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('a first load that fails shows no toast (the page shows its error state); a failed refresh over data does', async () => {
    const client = createQueryClient({ onUnauthorized: jest.fn() })
    client.setDefaultOptions({ queries: { retry: false } })
    await client.fetchQuery({ queryKey: ['first'], queryFn: () => Promise.reject(serverError()) }).catch(() => undefined)
    await flush()
    expect(toast).not.toHaveBeenCalled()

    client.setQueryData(['shown'], 1)
    await client.fetchQuery({ queryKey: ['shown'], queryFn: () => Promise.reject(serverError()) }).catch(() => undefined)
    await waitForCalls(toast, 1)
  })

  it('a 401 anywhere signs out instead of toasting', async () => {
    const onUnauthorized = jest.fn()
    const client = createQueryClient({ onUnauthorized })
    const unauthorized = new ApiError({ kind: 'unauthorized', status: 401, code: 'UNAUTHORIZED', message: 'no' })
    const observer = new QueryObserver(client, { queryKey: ['me'], queryFn: () => Promise.reject(unauthorized), retry: false })
    const unsubscribe = observer.subscribe(() => undefined)
    await flush()
    unsubscribe()
    expect(onUnauthorized).toHaveBeenCalled()
    expect(toast).not.toHaveBeenCalled()
  })
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 20))

async function waitForCalls(spy: jest.SpyInstance, count: number): Promise<void> {
  for (let i = 0; i < 50 && spy.mock.calls.length < count; i++) await flush()
  expect(spy).toHaveBeenCalledTimes(count)
}
