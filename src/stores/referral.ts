import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { BindingSource } from '@/contract'
import { taroStorage } from '@/lib/storage'

export type CapturedReferral = { code: string; source: BindingSource; postId?: string }

/** Later codes kept beyond the first: enough for a visitor who opened several links, not a growing list. */
const MAX_LATER_CODES = 4

type ReferralState = {
  /** The first code this visitor arrived with, kept until sign-in sends it. */
  capturedCode: string | null
  /** How that code arrived (card QR, link, mini-program code), sent with it as `refSource`. */
  capturedSource: BindingSource | null
  /**
   * The 分享赚 post the link named (`postId`), sent with the code as `refPostId`: the server takes it for source `post`
   * only, and only when it is that KOL's post.
   */
  capturedPostId?: string
  /**
   * Other codes the visitor arrived with before signing in, in order. The app cannot tell a code that no longer
   * belongs to a distributor (a typo, a right taken back) from a live one: after sign-in each is reported as an
   * arrival (sign-in page), so the first valid one binds and the rest are recorded for their KOLs.
   */
  laterCodes: CapturedReferral[]
  captured: (code: string | null, source?: BindingSource, postId?: string) => void
  sent: () => void
}

const isSameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase()

/** No code captured: where the store starts, and where a sign-in that carried the codes leaves it. */
const NONE: Pick<ReferralState, 'capturedCode' | 'capturedSource' | 'capturedPostId' | 'laterCodes'> = {
  capturedCode: null,
  capturedSource: null,
  capturedPostId: undefined,
  laterCodes: [],
}

export const useReferral = create<ReferralState>()(
  persist(
    (set, get) => ({
      ...NONE,
      // First touch wins, as on the server: a later link does not replace an earlier one; it waits behind it.
      captured: (code, source = 'link', postId) => {
        if (!code) return
        const { capturedCode, laterCodes } = get()
        if (!capturedCode) return set({ capturedCode: code, capturedSource: source, capturedPostId: postId })
        if (isSameCode(capturedCode, code) || laterCodes.some((later) => isSameCode(later.code, code))) return
        if (laterCodes.length < MAX_LATER_CODES) set({ laterCodes: [...laterCodes, { code, source, postId }] })
      },
      sent: () => set(NONE),
    }),
    {
      name: 'fanloop.referral',
      storage: createJSONStorage(() => taroStorage),
      // Everything but the actions: the codes, their sources and post.
      partialize: ({ captured: _captured, sent: _sent, ...kept }) => kept,
    },
  ),
)

/** What a sign-in carries of the first code (`ref`, `refSource`, `refPostId`); nothing without one. */
export function signInReferral(): { ref?: string; refSource?: BindingSource; refPostId?: string } {
  const { capturedCode, capturedSource, capturedPostId } = useReferral.getState()
  return capturedCode ? { ref: capturedCode, refSource: capturedSource ?? undefined, refPostId: capturedPostId } : {}
}
