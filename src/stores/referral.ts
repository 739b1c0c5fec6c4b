import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { BindingSource } from '@/contract'
import { taroStorage } from '@/lib/storage'

export type CapturedReferral = { code: string; source: BindingSource }

/** Later codes kept beyond the first: enough for a visitor who opened several links, not a growing list. */
const MAX_LATER_CODES = 4

type ReferralState = {
  /** The first code this visitor arrived with, kept until sign-in sends it. */
  capturedCode: string | null
  /** How that code arrived (card QR, link, mini-program code), sent with it as `refSource`. */
  capturedSource: BindingSource | null
  /**
   * Other codes the visitor arrived with before signing in, in order. The app cannot tell a code that no longer
   * belongs to a distributor (a typo, a right taken back) from a live one: after sign-in each is reported as an
   * arrival (sign-in page), so the first valid one binds and the rest are recorded for their KOLs.
   */
  laterCodes: CapturedReferral[]
  captured: (code: string | null, source?: BindingSource) => void
  sent: () => void
}

const isSameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase()

export const useReferral = create<ReferralState>()(
  persist(
    (set, get) => ({
      capturedCode: null,
      capturedSource: null,
      laterCodes: [],
      // First touch wins, as on the server: a later link does not replace an earlier one; it waits behind it.
      captured: (code, source = 'link') => {
        if (!code) return
        const { capturedCode, laterCodes } = get()
        if (!capturedCode) return set({ capturedCode: code, capturedSource: source })
        if (isSameCode(capturedCode, code) || laterCodes.some((later) => isSameCode(later.code, code))) return
        if (laterCodes.length < MAX_LATER_CODES) set({ laterCodes: [...laterCodes, { code, source }] })
      },
      sent: () => set({ capturedCode: null, capturedSource: null, laterCodes: [] }),
    }),
    {
      name: 'fanloop.referral',
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ capturedCode, capturedSource, laterCodes }) => ({ capturedCode, capturedSource, laterCodes }),
    },
  ),
)
