import { endpoints } from '../../src/contract'
import { businessDay } from '../domain/time'
import { ApiError } from '../http/errors'
import type { Router } from '../http/register'
import { toMember } from '../members'
import { settleTasks } from '../tasks'

const EARLIEST_BIRTHDAY = '1900-01-01'

export const registerMeRoutes = ({ register }: Router): void => {
  register(endpoints.me, ({ state, member, nowMs }) => toMember(state, member, nowMs))

  register(endpoints.updateMe, ({ state, member, body, nowMs }) => {
    if (body.birthday !== undefined) {
      const today = businessDay(nowMs, state.config.timeZone)
      if (body.birthday > today || body.birthday < EARLIEST_BIRTHDAY)
        throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', {
          fields: { birthday: `a date from ${EARLIEST_BIRTHDAY} to today` },
        })
      // The birthday gift is once a year in the birthday month: letting the date move would let it be claimed twice.
      if (member.birthday !== null && member.birthday !== body.birthday)
        throw new ApiError(409, 'BIRTHDAY_ALREADY_SET', 'The birthday is already set and cannot be changed.')
    }
    if (body.nickname !== undefined && body.nickname !== member.nickname) {
      member.nickname = body.nickname
      member.nicknameSetByMember = true
    }
    if (body.avatarUrl !== undefined) member.avatarUrl = body.avatarUrl
    if (body.birthday !== undefined) member.birthday = body.birthday
    // A completed profile pays its task now.
    settleTasks(state, member, nowMs)
    return toMember(state, member, nowMs)
  })
}
