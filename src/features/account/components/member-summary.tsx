import { useQuery } from '@tanstack/react-query'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { meQuery } from '../api/account-queries'
import { MemberCard } from './member-card'
import { SignInPrompt } from './sign-in-prompt'

/** The member's card when signed in, an invitation to sign in otherwise. */
export function MemberSummary() {
  const isSignedIn = useSession(selectIsSignedIn)
  const me = useQuery({ ...meQuery(), enabled: isSignedIn })
  if (!isSignedIn) return <SignInPrompt />
  return (
    <QueryState query={me} skeleton={<Skeleton rows={1} testId='member-skeleton' />}>
      {(member) => <MemberCard member={member} />}
    </QueryState>
  )
}
