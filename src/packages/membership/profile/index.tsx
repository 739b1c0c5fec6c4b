import { useReady } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ProfileEditor } from '@/features/account/components/profile-editor'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { profileMessages } from '@/features/account/profile-messages'
import { BirthdayGiftCard } from '@/features/membership/components/birthday-gift-card'
import { useMessages } from '@/lib/i18n'
import { goToSignIn, routes } from '@/lib/routes'
import { selectIsSignedIn, useSession } from '@/stores/session'

// In the membership subpackage, beside the levels page: the birthday (set once, for the birthday gift) is the
// membership's card, and the profile task is the membership's task.
export default function ProfilePage() {
  const text = useMessages(profileMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  // Nothing here is for a visitor: straight to sign-in, and back here after.
  useReady(() => {
    if (!isSignedIn) goToSignIn(routes.profile)
  })
  return (
    <PageShell title={text.title} testId='profile-page'>
      {isSignedIn ? (
        <>
          <ProfileEditor />
          <BirthdayGiftCard />
        </>
      ) : (
        <SignInPrompt />
      )}
    </PageShell>
  )
}
