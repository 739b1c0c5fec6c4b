import dayjs from 'dayjs'

export type CalendarCell = { date: string; dayOfMonth: number } | null

/**
 * The cells of a month view, Sunday first, padded with nulls before the 1st. Pure: the month
 * comes from the server ('YYYY-MM'), never from the device clock.
 */
export function monthGrid(month: string): CalendarCell[] {
  const first = dayjs(`${month}-01`)
  const cells: CalendarCell[] = Array.from({ length: first.day() }, () => null)
  for (let day = 1; day <= first.daysInMonth(); day += 1) {
    cells.push({ date: first.date(day).format('YYYY-MM-DD'), dayOfMonth: day })
  }
  return cells
}

export function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM')
}
