import { EntryGrid } from '@/components/entry-grid'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { memberEntryMessages } from '../messages/entries'

/** The membership pages one tap away. */
export function MemberEntries() {
  const text = useMessages(memberEntryMessages)
  return (
    <EntryGrid
      entries={[
        { key: 'points', label: text.points, url: routes.points, glyph: '¥' },
        { key: 'calendar', label: text.calendar, url: routes.checkinCalendar, glyph: '✓' },
        { key: 'levels', label: text.levels, url: routes.levels, glyph: 'V' },
        { key: 'tasks', label: text.tasks, url: routes.tasks, glyph: '★' },
      ]}
    />
  )
}
