import { useEffect, type CSSProperties, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PreviewConsoleEntry } from '@/features/preview/preview-entry'
import type { FeatureName } from '@/contract/features'
import { useAppConfig } from '@/lib/app-config'
import { errorCodeMessages, useMessages } from '@/lib/i18n'
import { useRefreshOnShow } from '@/lib/query'
import { findReferralCode, findReferralPostId, findReferralSource, parseSearch } from '@/lib/referral'
import { useReferral } from '@/stores/referral'
import { EmptyState } from './page-state'
import { SinglePageBanner } from './single-page-banner'
import './page-shell.scss'

/**
 * The pages of each part an operator can switch off (config `features`; plans are `membershipPackages`), by path: the
 * tab page (the weapp tab bar is static, so it stays and says the part is closed) and its subpackage pages, which a
 * shared link still opens. Left open: addresses (orders ship to them), certificates (a KOL's, and public
 * verification), the product shop.
 */
const FEATURE_PAGES = /(community|mall|distribution|plans)\/(?!cert|addr)/

type PageShellProps = { children: ReactNode; title?: string; testId?: string }

/** A referral code can arrive on any page: a shared path, a QR scene, or an H5 link. */
function useCaptureReferral(params: Record<string, string | undefined>): void {
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
  const config = useAppConfig()
  const theme = config?.theme
  const { params, path } = useRouter()
  const part = FEATURE_PAGES.exec(path)?.[1]
  // No part (undefined) is no switch: never false.
  const isClosed = config?.features[(part === 'plans' ? 'membershipPackages' : part) as FeatureName] === false
  const closed = useMessages(errorCodeMessages).FEATURE_OFF
  useRefreshOnShow()
  useCaptureReferral(params)
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
      {isClosed ? <EmptyState title={closed} /> : children}
      {PreviewConsoleEntry ? <PreviewConsoleEntry /> : null}
    </View>
  )
}
