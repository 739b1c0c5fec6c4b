import { useEffect } from 'react'
import type { PreviewAction } from '../api/preview-queries'

/**
 * The desktop preview page (GET /__preview on the mock) shows the H5 app in phone frames. It tells each frame
 * who to be with `?previewAs=<persona id | visitor>` in the frame's address, and after it moves the clock or
 * resets the data it posts `{ source: 'fanloop-preview', action: 'refresh' }` (or `'persona'` with an `id`) so
 * the app refreshes without a reload. Only pages on this machine may drive it.
 */
export const PREVIEW_MESSAGE_SOURCE = 'fanloop-preview'

type PreviewMessage =
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'refresh' }
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'persona'; id: string }

const isLoopbackOrigin = (origin: string): boolean =>
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)

const personaAction = (id: string): PreviewAction => (id === 'visitor' ? { kind: 'visitor' } : { kind: 'persona', id })

/** Once per app, however many pages mount the console. */
let isLinked = false

export function usePreviewLink(run: (action: PreviewAction | 'refresh') => void): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || isLinked) return
    isLinked = true
    const requested = new URLSearchParams(window.location.search).get('previewAs')
    if (requested) run(personaAction(requested))
    window.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
      if (!isLoopbackOrigin(event.origin) || event.data?.source !== PREVIEW_MESSAGE_SOURCE) return
      if (event.data.action === 'refresh') run('refresh')
      if (event.data.action === 'persona') run(personaAction(event.data.id))
    })
    // `run` is the console's first instance's; it stays valid for the app's life (it only calls the server).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
