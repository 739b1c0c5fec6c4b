import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { challengeMessages } from '@/features/community/challenge-messages'
import { ChallengeView } from '@/features/community/components/challenge-view'
import { useMessages } from '@/lib/i18n'

export default function ChallengePage() {
  const text = useMessages(challengeMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.title} testId='challenge-page'>
      <ChallengeView eventId={params.id} />
    </PageShell>
  )
}
