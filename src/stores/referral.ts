import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'

type ReferralState = {
  /** The first code this visitor arrived with, kept until sign-in sends it. */
  capturedCode: string | null
  captured: (code: string | null) => void
  sent: () => void
}

export const useReferral = create<ReferralState>()(
  persist(
    (set, get) => ({
      capturedCode: null,
      // First touch wins, as on the server: a later link does not replace an earlier one.
      captured: (code) => {
        if (code && !get().capturedCode) set({ capturedCode: code })
      },
      sent: () => set({ capturedCode: null }),
    }),
    { name: 'fanloop.referral', storage: createJSONStorage(() => taroStorage), partialize: ({ capturedCode }) => ({ capturedCode }) },
  ),
)
