import { QueryClient } from '@tanstack/react-query'
import { AbortController, AbortSignal } from '@/lib/abort-controller'

describe('the mini-program AbortController', () => {
  it('starts not aborted, with no reason', () => {
    const controller = new AbortController()
    expect(controller.signal).toBeInstanceOf(AbortSignal)
    expect(controller.signal.aborted).toBe(false)
    expect(controller.signal.reason).toBeUndefined()
    expect(() => controller.signal.throwIfAborted()).not.toThrow()
  })

  it('aborts with the reason given, and calls each listener with the abort event', () => {
    const controller = new AbortController()
    const calls: string[] = []
    controller.signal.addEventListener('abort', (event) => {
      calls.push(`first ${event.type} ${event.target === controller.signal}`)
    })
    controller.signal.onabort = () => calls.push('onabort')
    controller.signal.addEventListener('abort', () => calls.push('second'), { once: true })
    const reason = new Error('left the page')
    controller.abort(reason)
    expect(controller.signal.aborted).toBe(true)
    expect(controller.signal.reason).toBe(reason)
    expect(calls).toEqual(['onabort', 'first abort true', 'second'])
    expect(() => controller.signal.throwIfAborted()).toThrow(reason)
  })

  it('gives an AbortError as the reason when abort() is given none', () => {
    const controller = new AbortController()
    controller.abort()
    expect(controller.signal.reason).toBeInstanceOf(Error)
    expect((controller.signal.reason as Error).name).toBe('AbortError')
  })

  it('aborts once: a second abort keeps the first reason and calls no listener again', () => {
    const controller = new AbortController()
    const listener = jest.fn()
    controller.signal.addEventListener('abort', listener)
    controller.abort('first')
    controller.abort('second')
    expect(listener).toHaveBeenCalledTimes(1)
    expect(controller.signal.reason).toBe('first')
  })

  it('calls a listener added twice once, and no listener that was removed or is for another event', () => {
    const controller = new AbortController()
    const twice = jest.fn()
    const removed = jest.fn()
    const other = jest.fn()
    controller.signal.addEventListener('abort', twice)
    controller.signal.addEventListener('abort', twice, { once: true })
    controller.signal.addEventListener('abort', removed, { once: true })
    controller.signal.removeEventListener('abort', removed)
    controller.signal.addEventListener('other', other)
    controller.abort()
    expect(twice).toHaveBeenCalledTimes(1)
    expect(removed).not.toHaveBeenCalled()
    expect(other).not.toHaveBeenCalled()
  })

  it('keeps each controller to itself', () => {
    const one = new AbortController()
    const two = new AbortController()
    const listener = jest.fn()
    two.signal.addEventListener('abort', listener)
    one.abort()
    expect(two.signal.aborted).toBe(false)
    expect(listener).not.toHaveBeenCalled()
  })

  it('lets TanStack Query cancel a query whose function reads the signal', async () => {
    const globals = globalThis as { AbortController: unknown }
    const browsers = globals.AbortController
    globals.AbortController = AbortController
    try {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
      let seen: AbortSignal | undefined
      const fetching = client.fetchQuery({
        queryKey: ['slow'],
        queryFn: ({ signal }) =>
          new Promise((_resolve, reject) => {
            seen = signal as unknown as AbortSignal
            signal.addEventListener('abort', () => reject(signal.reason), { once: true })
          }),
      })
      await Promise.resolve()
      await client.cancelQueries({ queryKey: ['slow'] })
      await expect(fetching).rejects.toBeDefined()
      expect(seen).toBeInstanceOf(AbortSignal)
      expect(seen?.aborted).toBe(true)
      expect(client.getQueryState(['slow'])?.fetchStatus).toBe('idle')
    } finally {
      globals.AbortController = browsers
    }
  })
})
