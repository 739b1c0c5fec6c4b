import { endpoints } from '../../../src/contract/all'
import type { AppRouter } from '../account/service'
import {
  birthdayGiftOf,
  calendarOf,
  celebrateLevel,
  checkIn,
  claimBirthdayGift,
  completeTask,
  levelOverview,
  makeUp,
  tasksOf,
} from './service'

export const registerMembershipRoutes = ({ register }: AppRouter): void => {
  register(endpoints.checkinCalendar, ({ member, query, ...ctx }) => calendarOf(ctx, member, query.month))
  // No body: the day is the server's, whatever the client sends.
  register(endpoints.checkIn, ({ member, ...ctx }) => checkIn(ctx, member))
  register(endpoints.makeUpCheckin, ({ member, body, ...ctx }) => makeUp(ctx, member, body.date))
  register(endpoints.tasks, async ({ member, ...ctx }) => ({ items: await tasksOf(ctx, member) }))
  register(endpoints.completeTask, ({ member, params, ...ctx }) => completeTask(ctx, member, params.id))
  register(endpoints.levels, ({ member, ...ctx }) => levelOverview(ctx, member))
  register(endpoints.levelCelebrated, ({ member, body, ...ctx }) => celebrateLevel(ctx, member, body.levelCode))
  register(endpoints.birthdayGift, ({ member, ...ctx }) => birthdayGiftOf(ctx, member))
  register(endpoints.claimBirthdayGift, ({ member, ...ctx }) => claimBirthdayGift(ctx, member))
}
