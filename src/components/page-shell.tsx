import { useEffect, type CSSProperties, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PreviewConsoleEntry } from '@/features/preview/preview-entry'
import { useAppConfig } from '@/lib/app-config'
import { useRefreshOnShow } from '@/lib/query'
import { findReferralCode, findReferralPostId, findReferralSource, parseSearch } from '@/lib/referral'
import { useReferral } from '@/stores/referral'
import { SinglePageBanner } from './single-page-banner'
import './page-shell.scss'

type PageShellProps = { children: ReactNode; title?: string; testId?: string }

/** A referral code can arrive on any page: a shared path, a QR scene, or an H5 link. */
function useCaptureReferral(): void {
  const { params } = useRouter()
  useEffect(() => {
    const url = process.env.TARO_ENV === 'h5' ? parseSearch(window.location.search) : null
    const fromPage = findReferralCode(params)
    const query = fromPage ? params : url
    useReferral
      .getState()
      .captured(fromPage ?? findReferralCode(url), findReferralSource(query), findReferralPostId(query))
  }, [params])
}

/**
 * Every page sits in this: the brand's theme from /app/config as CSS variables, safe-area
 * padding, the page title, referral capture, and a refresh of stale data when shown again.
 */
export function PageShell({ children, title, testId }: PageShellProps) {
  const theme = useAppConfig()?.theme
  useRefreshOnShow()
  useCaptureReferral()
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
  const themeVariables = theme
    ? ({
        '--color-primary': theme.primaryColor,
        '--color-on-primary': theme.primaryTextColor,
        '--color-accent': theme.accentColor,
        '--color-background': theme.backgroundColor,
        '--color-surface': theme.surfaceColor,
        '--color-text': theme.textColor,
        '--color-muted': theme.mutedTextColor,
        '--color-danger': theme.dangerColor,
      } as CSSProperties)
    : undefined
  return (
    <View className='page-shell' style={themeVariables} data-testid={testId}>
      <SinglePageBanner />
      {children}
      {PreviewConsoleEntry ? <PreviewConsoleEntry /> : null}
    </View>
  )
}
