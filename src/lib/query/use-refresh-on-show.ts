import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useQueryClient } from '@tanstack/react-query'

/**
 * Taro keeps tab pages mounted, so coming back to one shows old data unless we refresh it:
 * on every page show after the first, refetch the stale queries that page is using.
 */
export function useRefreshOnShow(): void {
  const queryClient = useQueryClient()
  const isFirstShow = useRef(true)
  useDidShow(() => {
    if (isFirstShow.current) {
      isFirstShow.current = false
      return
    }
    void queryClient.refetchQueries({ type: 'active', stale: true })
  })
}
