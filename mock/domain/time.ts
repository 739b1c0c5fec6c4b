import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

const DAY_MS = 24 * 60 * 60 * 1000

/** The mock clock: real time shifted by an offset kept in state, so a moved clock survives restarts. */
export const mockNow = (realNowMs: number, offsetMs: number): number => realNowMs + offsetMs

/** How every time leaves the server: ISO-8601 with the brand time zone's offset, e.g. 2026-11-23T08:00:00+08:00. */
export const formatInstant = (ms: number, timeZone: string): string =>
  dayjs(ms).tz(timeZone).format('YYYY-MM-DDTHH:mm:ssZ')

/** The business day (check-ins, daily caps, streaks) is the calendar day in the brand time zone, never the device's. */
export const businessDay = (ms: number, timeZone: string): string => dayjs(ms).tz(timeZone).format('YYYY-MM-DD')

/** Shifts a business day by whole calendar days (no time zone involved: a date has none). */
export const addDays = (date: string, days: number): string => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')

/** The instant a business day starts, at `HH:mm` local time in the brand time zone. */
export const instantOfDay = (date: string, timeZone: string, time = '00:00'): number =>
  dayjs.tz(`${date}T${time}:00`, timeZone).valueOf()

/** Earned points expire at the end of the year after the year they were earned, in the brand time zone. */
export const endOfNextYear = (earnedMs: number, timeZone: string): string =>
  formatInstant(dayjs(earnedMs).tz(timeZone).add(1, 'year').endOf('year').valueOf(), timeZone)

export const addDaysToInstant = (ms: number, days: number): number => ms + days * DAY_MS
