import { useEffect } from 'react'
import type { PreviewAction } from '../api/preview-queries'

/**
 * The desktop preview page (GET /__preview on the mock) shows the H5 app in phone frames. It tells each frame
 * who to be with `?previewAs=<persona id | visitor>` in the frame's address, and after it moves the clock or
 * resets the data it posts `{ source: 'fanloop-preview', action: 'refresh' }` (or `'persona'` with an `id`) so
 * the app refreshes without a reload. Only pages on this machine may drive it. Once a persona is signed in (its
 * session stored) the app answers `persona-applied`: the page sends the persona again until it hears that, since
 * a phone still loading, or one that navigates mid-sign-in, would otherwise lose it. What the operator does in the
 * console inside a phone is told to the page too (`changed`, with the persona shown when that changed), so the page
 * marks who the phone is, shows the new time and refreshes the other phone.
 */
export const PREVIEW_MESSAGE_SOURCE = 'fanloop-preview'

type PreviewMessage =
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'refresh' }
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'persona'; id: string }

type PreviewReply =
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'persona-applied'; id: string; ok: boolean; message?: string }
  | { source: typeof PREVIEW_MESSAGE_SOURCE; action: 'changed'; kind: PreviewAction['kind']; persona?: string }

/** After the in-app console changed something: the desktop page around this frame (if any) is told. */
export function tellPreviewPage(action: PreviewAction): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || window.parent === window) return
  const reply: PreviewReply = { source: PREVIEW_MESSAGE_SOURCE, action: 'changed', kind: action.kind }
  if (action.kind === 'persona') reply.persona = action.id
  if (action.kind === 'visitor' || action.kind === 'reset') reply.persona = 'visitor'
  // Only a persona id or nothing: no secret travels, so any page framing the app may hear it.
  window.parent.postMessage(reply, '*')
}

const isLoopbackOrigin = (origin: string): boolean =>
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)

const personaAction = (id: string): PreviewAction => (id === 'visitor' ? { kind: 'visitor' } : { kind: 'persona', id })

/** Once per app, however many pages mount the console. */
let isLinked = false

export function usePreviewLink(run: (action: PreviewAction | 'refresh') => Promise<unknown>): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || isLinked) return
    isLinked = true
    // The page repeats a persona until it hears back: a repeat of the one being signed in waits for it.
    let applying: { id: string; done: Promise<string | null> } | null = null
    const applyPersona = (id: string): Promise<string | null> => {
      if (applying?.id === id) return applying.done
      const current = {
        id,
        done: run(personaAction(id)).then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
      }
      applying = current
      void current.done.then(() => {
        if (applying === current) applying = null
      })
      return current.done
    }
    const answer = (id: string, problem: string | null, page: Window | null, origin: string) => {
      const reply: PreviewReply = { source: PREVIEW_MESSAGE_SOURCE, action: 'persona-applied', id, ok: !problem }
      if (problem) reply.message = problem
      page?.postMessage(reply, origin)
    }
    // The persona in the frame's address is answered too, so the page marks who the phone is once it is.
    const requested = new URLSearchParams(window.location.search).get('previewAs')
    if (requested)
      void applyPersona(requested).then((problem) => {
        if (window.parent !== window) answer(requested, problem, window.parent, '*')
      })
    window.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
      if (!isLoopbackOrigin(event.origin) || event.data?.source !== PREVIEW_MESSAGE_SOURCE) return
      if (event.data.action === 'refresh') void run('refresh')
      if (event.data.action === 'persona') {
        const { id } = event.data
        const page = event.source as Window | null
        void applyPersona(id).then((problem) => answer(id, problem, page, event.origin))
      }
    })
    // `run` is the console's first instance's; it stays valid for the app's life (it only calls the server).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
