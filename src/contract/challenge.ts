import * as v from 'valibot'
// From the index, not './common' (see community.ts).
import { Id, IsoDate, IsoDateTime, NonNegativeInt, PositiveInt } from './index'

// The check-in challenge (domain-rules.md, Community). Apart from the community's writes (community.ts) and the
// certificates (certificate.ts): the feed on the 社区 tab pins the current challenge, and the mini-program's main
// package carries every module a tab imports whole. Imported by path.

export const ChallengeDay = v.object({
  date: IsoDate,
  /** checked: a check-in that counts; missed: a past day without one; today and upcoming: still open. */
  state: v.picklist(['checked', 'missed', 'today', 'upcoming']),
})

export const ChallengeEvent = v.object({
  id: Id,
  title: v.string(),
  badgeName: v.string(),
  /** The pinned post that announces it. */
  postId: v.nullable(Id),
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** Monday 00:00 and the end of Sunday (24:00) in the brand's time zone, as instants. */
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  allowsMakeup: v.boolean(),
  status: v.picklist(['upcoming', 'running', 'ended']),
  joinedCount: NonNegativeInt,
  /** The signed-in member's progress; null for a visitor. */
  me: v.nullable(
    v.object({
      joined: v.boolean(),
      days: v.array(ChallengeDay),
      checkedDays: NonNegativeInt,
      totalDays: PositiveInt,
      isComplete: v.boolean(),
      certificateCode: v.nullable(v.string()),
    }),
  ),
})
export type ChallengeEvent = v.InferOutput<typeof ChallengeEvent>

export const EventPage = v.object({ items: v.array(ChallengeEvent), nextCursor: v.nullable(v.string()) })
