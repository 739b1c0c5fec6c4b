import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { BindingSource } from '@/contract'
import { taroStorage } from '@/lib/storage'

type ReferralState = {
  /** The first code this visitor arrived with, kept until sign-in sends it. */
  capturedCode: string | null
  /** How that code arrived (card QR, link, mini-program code), sent with it as `refSource`. */
  capturedSource: BindingSource | null
  captured: (code: string | null, source?: BindingSource) => void
  sent: () => void
}

export const useReferral = create<ReferralState>()(
  persist(
    (set, get) => ({
      capturedCode: null,
      capturedSource: null,
      // First touch wins, as on the server: a later link does not replace an earlier one.
      captured: (code, source = 'link') => {
        if (code && !get().capturedCode) set({ capturedCode: code, capturedSource: source })
      },
      sent: () => set({ capturedCode: null, capturedSource: null }),
    }),
    { name: 'fanloop.referral', storage: createJSONStorage(() => taroStorage), partialize: ({ capturedCode, capturedSource }) => ({ capturedCode, capturedSource }) },
  ),
)
