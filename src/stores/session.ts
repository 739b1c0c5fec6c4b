import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'
import { createIdempotencyKey, setTokenSource } from '@/lib/http'

type SessionState = {
  token: string | null
  /** Stands in for the WeChat openid with the mock (api-contract: /auth/wechat installId). */
  installId: string
  signedIn: (token: string) => void
  signedOut: () => void
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      installId: createIdempotencyKey().replace(/-/g, ''),
      signedIn: (token) => set({ token }),
      signedOut: () => set({ token: null }),
    }),
    {
      name: 'fanloop.session',
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ token, installId }) => ({ token, installId }),
    },
  ),
)

setTokenSource(() => useSession.getState().token)

export const selectIsSignedIn = (state: SessionState): boolean => state.token !== null
