import { PageShell } from '@/components/page-shell'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { challengeMessages } from '@/features/community/challenge-messages'
import { CertificateList } from '@/features/community/components/certificate-view'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function CertificatesPage() {
  const text = useMessages(challengeMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <PageShell title={text.certificatesTitle} testId='certificates-page'>
      {isSignedIn ? <CertificateList /> : <SignInPrompt />}
    </PageShell>
  )
}
