/**
 * AbortController and AbortSignal for the mini-program, which has neither (config/index.ts hands these to every bare
 * reference in the weapp bundle through webpack's ProvidePlugin; H5 uses the browser's own).
 *
 * Only what this app's users of them need: TanStack Query creates one controller per fetch, reads `signal`,
 * `aborted` and `reason`, listens with `addEventListener('abort', fn, { once: true })` and calls `abort()` when a
 * query is cancelled. abortcontroller-polyfill's ponyfill does the same and emulates the whole EventTarget and
 * fetch besides: 7.7 KB of the main package, against well under 1 KB for this (measured in the weapp build).
 */

type AbortListener = (event: { type: 'abort'; target: AbortSignal }) => void
type ListenerOptions = boolean | { once?: boolean }

export class AbortSignal {
  aborted = false
  /** Why it was aborted: what `abort(reason)` was given, or an AbortError when it was given nothing. */
  reason: unknown = undefined
  onabort: AbortListener | null = null
  private listeners: { listener: AbortListener; once: boolean }[] = []

  addEventListener(type: string, listener: AbortListener, options?: ListenerOptions): void {
    if (type !== 'abort' || typeof listener !== 'function') return
    // As EventTarget: the same listener added twice is called once.
    if (this.listeners.some((entry) => entry.listener === listener)) return
    this.listeners.push({ listener, once: typeof options === 'object' && options !== null && options.once === true })
  }

  removeEventListener(type: string, listener: AbortListener): void {
    if (type !== 'abort') return
    this.listeners = this.listeners.filter((entry) => entry.listener !== listener)
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason
  }

  /** Called by the controller only. */
  dispatchAbort(): void {
    const event = { type: 'abort' as const, target: this }
    const called = this.listeners
    this.listeners = called.filter((entry) => !entry.once)
    if (typeof this.onabort === 'function') this.onabort(event)
    called.forEach((entry) => entry.listener(event))
  }
}

export class AbortController {
  readonly signal = new AbortSignal()

  /** Aborts once: a second call changes nothing and calls no listener again. */
  abort(reason?: unknown): void {
    const signal = this.signal
    if (signal.aborted) return
    signal.aborted = true
    signal.reason = reason === undefined ? abortError() : reason
    signal.dispatchAbort()
  }
}

/** What browsers give as the reason of `abort()` without one (a DOMException there; WeChat has no DOMException). */
function abortError(): Error {
  const error = new Error('signal is aborted without reason')
  error.name = 'AbortError'
  return error
}
