// First: the mini-program runtime must know the aria-* attributes before any page renders.
import '@/lib/weapp-aria'
import { createElement, useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { QueryClientProvider } from '@tanstack/react-query'
import { accountKeys } from '@/features/account/api/account-queries'
import { followBrandInTabBar } from '@/lib/app-config'
import { connectAppVisibility, createQueryClient } from '@/lib/query'
import { useLocale, useMessages } from '@/lib/i18n'
import { useLaunchReferral } from '@/lib/launch-referral'
import { goToSignIn } from '@/lib/routes'
import { tabBarMessages } from '@/lib/tab-bar'
import { useSession } from '@/stores/session'
import './app.scss'

const queryClient = createQueryClient({
  onUnauthorized: () => {
    useSession.getState().signedOut()
    queryClient.removeQueries({ queryKey: accountKeys.all })
    goToSignIn()
  },
})
connectAppVisibility()
// Loaded after the first screen (its budget has no room): Enter/Space on focused tappable Views (H5).
if (process.env.TARO_ENV === 'h5') void import('@/lib/keyboard-taps')
followBrandInTabBar(queryClient)

/** The tab bar is native on the mini-program: its labels follow the UI language here. */
function useTabBarLanguage(): void {
  const labels = useMessages(tabBarMessages)
  const locale = useLocale((state) => state.locale)
  useEffect(() => {
    labels.items.forEach((text, index) => {
      Taro.setTabBarItem({ index, text }).catch(() => undefined)
    })
  }, [labels, locale])
}

function App({ children }: PropsWithChildren) {
  useTabBarLanguage()
  useLaunchReferral()
  return createElement(QueryClientProvider, { client: queryClient }, children)
}

export default App
