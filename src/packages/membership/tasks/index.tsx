import { useQuery } from '@tanstack/react-query'
import { PageShell } from '@/components/page-shell'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { tasksQuery } from '@/features/membership/api/membership-queries'
import { TaskList } from '@/features/membership/components/task-list'
import { taskMessages } from '@/features/membership/messages/tasks'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function TasksPage() {
  const text = useMessages(taskMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const tasks = useQuery({ ...tasksQuery(), enabled: isSignedIn })
  return (
    <PageShell title={text.title} testId='tasks-page'>
      {isSignedIn ? (
        <QueryState
          query={tasks}
          skeleton={<Skeleton rows={5} testId='tasks-skeleton' />}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title={text.empty} />}
        >
          {(data) => <TaskList tasks={data.items} />}
        </QueryState>
      ) : (
        <SignInPrompt />
      )}
    </PageShell>
  )
}
