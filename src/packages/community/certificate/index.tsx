import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { challengeMessages } from '@/features/community/challenge-messages'
import { CertificateVerification } from '@/features/community/components/certificate-view'
import { useMessages } from '@/lib/i18n'

/** Public: anyone with a code (or a link to one) sees whether the server confirms it. */
export default function CertificatePage() {
  const text = useMessages(challengeMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.certificateTitle} testId='certificate-page'>
      <CertificateVerification code={decodeURIComponent(params.code ?? '').trim()} />
    </PageShell>
  )
}
