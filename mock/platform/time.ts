const DAY_MS = 24 * 60 * 60 * 1000

// Time zone arithmetic on Intl, with one formatter per zone: every request turns many instants into business
// days (ledger lines, check-ins), and building a formatter per call (as dayjs' tz plugin does) cost ~0.5 ms each.

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The wall clock of `timeZone` at an instant: [year, month, day, hour, minute, second]. */
const wallClock = (ms: number, timeZone: string): number[] => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  const parts = formatter.formatToParts(ms)
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) =>
    Number(parts.find((part) => part.type === type)?.value),
  )
}

const pad = (value: number, length = 2): string => String(Math.abs(value)).padStart(length, '0')

/** How far the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich). */
const offsetMs = (ms: number, timeZone: string): number => {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = wallClock(ms, timeZone)
  return Date.UTC(year, month - 1, day, hour, minute, second) - (ms - (((ms % 1000) + 1000) % 1000))
}

/** The mock clock: real time shifted by an offset kept in state, so a moved clock survives restarts. */
export const mockNow = (realNowMs: number, offsetMs: number): number => realNowMs + offsetMs

/** How every time leaves the server: ISO-8601 with the brand time zone's offset, e.g. 2026-11-23T08:00:00+08:00. */
export const formatInstant = (ms: number, timeZone: string): string => {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = wallClock(ms, timeZone)
  const offsetMinutes = Math.round(offsetMs(ms, timeZone) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  )
}

/** The business day (check-ins, daily caps, streaks) is the calendar day in the brand time zone, never the device's. */
export const businessDay = (ms: number, timeZone: string): string => {
  const [year = 0, month = 1, day = 1] = wallClock(ms, timeZone)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** Shifts a business day by whole calendar days (no time zone involved: a date has none). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The instant a business day starts, at `HH:mm` local time in the brand time zone. */
export const instantOfDay = (date: string, timeZone: string, time = '00:00'): number => {
  const wall = Date.parse(`${date}T${time}:00Z`)
  // The zone's offset at the wall time read as UTC is at most a transition away; a second look settles it.
  const guess = wall - offsetMs(wall, timeZone)
  return wall - offsetMs(guess, timeZone)
}

/** Earned points expire at the end of the year after the year they were earned, in the brand time zone. */
export const endOfNextYear = (earnedMs: number, timeZone: string): string => {
  const year = Number(businessDay(earnedMs, timeZone).slice(0, 4))
  return formatInstant(instantOfDay(`${year + 2}-01-01`, timeZone) - 1000, timeZone)
}

export const addDaysToInstant = (ms: number, days: number): number => ms + days * DAY_MS
