import { PageShell } from '@/components/page-shell'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { PostComposer } from '@/features/community/components/post-composer'
import { composeMessages } from '@/features/community/compose-messages'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function ComposePage() {
  const text = useMessages(composeMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <PageShell title={text.title} testId='compose-page'>
      {/* Sign-in brings the visitor back here (the prompt passes this page as returnTo). */}
      {isSignedIn ? <PostComposer /> : <SignInPrompt />}
    </PageShell>
  )
}
