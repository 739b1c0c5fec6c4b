import Taro from '@tarojs/taro'
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { endpoints, type AppConfig, type LevelDefinition } from '@/contract'
import { request } from './http'

/** Brand, theme, levels and rules: every screen renders from this, not from constants. */
export const appConfigQuery = () =>
  queryOptions({
    queryKey: ['app-config'],
    queryFn: () => request(endpoints.appConfig),
    staleTime: 10 * 60 * 1000,
  })

export function useAppConfig(): AppConfig | undefined {
  return useQuery(appConfigQuery()).data
}

export type LevelProgress = {
  current: LevelDefinition | undefined
  next: LevelDefinition | undefined
  /** 0..100, whole percent toward the next level; 100 at the top level. */
  percent: number
  growthToNext: number
}

/** Where a growth total stands in the configured level table. */
export function levelProgress(levels: readonly LevelDefinition[], growth: number): LevelProgress {
  const sorted = [...levels].sort((a, b) => a.minGrowth - b.minGrowth)
  let currentIndex = -1
  sorted.forEach((level, index) => {
    if (growth >= level.minGrowth) currentIndex = index
  })
  const current = sorted[currentIndex]
  const next = sorted[currentIndex + 1]
  if (!next) return { current, next: undefined, percent: 100, growthToNext: 0 }
  const floor = current?.minGrowth ?? 0
  const span = next.minGrowth - floor
  const percent = span > 0 ? Math.min(100, Math.floor(((growth - floor) * 100) / span)) : 100
  return { current, next, percent, growthToNext: next.minGrowth - growth }
}

/**
 * The tab bar is native on the mini-program, outside any page's CSS: give it the brand's colours
 * whenever the config arrives or changes.
 */
export function followBrandInTabBar(queryClient: QueryClient): void {
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    if (event.query.queryKey[0] !== appConfigQuery().queryKey[0]) return
    const { theme } = event.query.state.data as AppConfig
    Taro.setTabBarStyle({
      color: theme.mutedTextColor,
      selectedColor: theme.primaryColor,
      backgroundColor: theme.surfaceColor,
      borderStyle: 'white',
    }).catch(() => undefined)
  })
}
