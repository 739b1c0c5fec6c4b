import { PageShell } from '@/components/page-shell'
import { PointsOverview } from '@/features/membership/components/points-overview'
import { pointsMessages } from '@/features/membership/messages/points'
import { useMessages } from '@/lib/i18n'

export default function PointsPage() {
  const text = useMessages(pointsMessages)
  return (
    <PageShell title={text.title} testId='points-page'>
      <PointsOverview />
    </PageShell>
  )
}
