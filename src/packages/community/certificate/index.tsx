import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { challengeMessages } from '@/features/community/challenge-messages'
import { CertificateVerification } from '@/features/community/components/certificate-view'
import { useMessages } from '@/lib/i18n'

/** A code from a link: decoded once; a malformed one is passed as it came (the server then says it is unknown). */
function codeFrom(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '').trim()
  } catch {
    return (raw ?? '').trim()
  }
}

/** Public: anyone with a code (or a link to one) sees whether the server confirms it. */
export default function CertificatePage() {
  const text = useMessages(challengeMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.certificateTitle} testId='certificate-page'>
      <CertificateVerification code={codeFrom(params.code)} />
    </PageShell>
  )
}
