import { PageShell } from '@/components/page-shell'
import { CheckinCalendarView } from '@/features/membership/components/checkin-calendar-view'
import { checkinMessages } from '@/features/membership/messages/checkin'
import { useMessages } from '@/lib/i18n'

export default function CheckinCalendarPage() {
  const text = useMessages(checkinMessages)
  return (
    <PageShell title={text.calendar} testId='checkin-calendar-page'>
      <CheckinCalendarView />
    </PageShell>
  )
}
