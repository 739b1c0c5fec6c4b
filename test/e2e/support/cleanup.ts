// Everything an e2e file starts (servers, browsers) is registered here so that one call stops it
// all, and so a watchdog can stop it if a test hangs past jest's own timeouts: a leaked Chromium
// or port would keep CI waiting forever.
type Closer = { label: string; close(): Promise<void> }

const open = new Set<Closer>()
let watchdog: NodeJS.Timeout | undefined

export const HARD_TIMEOUT_MS = Number(process.env.E2E_HARD_TIMEOUT_MS ?? 5 * 60_000)

export function track(label: string, close: () => Promise<void>): () => Promise<void> {
  const closer: Closer = { label, close }
  open.add(closer)
  armWatchdog()
  return async () => {
    if (!open.delete(closer)) return
    await withTimeout(closer.close(), 10_000, `closing ${label}`).catch((error: unknown) => {
      console.warn(`[e2e] ${String(error)}`)
    })
  }
}

export async function closeAll(): Promise<void> {
  const closers = [...open].reverse()
  open.clear()
  for (const closer of closers) {
    await withTimeout(closer.close(), 10_000, `closing ${closer.label}`).catch((error: unknown) => {
      console.warn(`[e2e] ${String(error)}`)
    })
  }
  if (watchdog) clearTimeout(watchdog)
  watchdog = undefined
}

function armWatchdog() {
  if (watchdog) return
  watchdog = setTimeout(() => {
    console.error(`[e2e] hard timeout: still running after ${HARD_TIMEOUT_MS / 1000} s, stopping browsers and servers`)
    void closeAll()
  }, HARD_TIMEOUT_MS)
  // The watchdog itself must never keep the process alive.
  watchdog.unref()
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
    timer.unref()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
