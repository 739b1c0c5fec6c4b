import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { createIdempotencyKey } from '@/lib/http'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { tasksQuery, useCompleteTask } from '../api/membership-queries'

/** Staying this long on the hot list counts as browsing it; a flick past the tab does not. */
const BROWSE_MS = 3000

/**
 * "Browse the hot list" is the one task the server cannot see, so the community page reports it
 * once the member has actually stayed on the hot list. The server caps it to once a day.
 */
export function useReportHotListBrowsed(isBrowsing: boolean): void {
  const isSignedIn = useSession(selectIsSignedIn)
  const tasks = useQuery({ ...tasksQuery(), enabled: isSignedIn && isBrowsing })
  const completeTask = useCompleteTask()
  const hasReported = useRef(false)
  const task = tasks.data?.items.find((item) => item.action === 'browse_hot' && item.isSelfReported && !item.isDone)
  const { mutate } = completeTask
  useEffect(() => {
    // Done (or not offered) today: the tab stays mounted across days, so the next day's task is reported again.
    if (!task) hasReported.current = false
    if (!isBrowsing || !task || hasReported.current) return
    const timer = setTimeout(() => {
      hasReported.current = true
      mutate({ taskId: task.id, idempotencyKey: createIdempotencyKey() })
    }, BROWSE_MS)
    return () => clearTimeout(timer)
  }, [isBrowsing, task, mutate])
}
