import * as v from 'valibot'
import { MePatch, NO_CONTROL_CHARACTERS } from '@/contract'

/** The contract's longest nickname (MePatch), for the counter; the check itself is MePatch's. */
export const NICKNAME_MAX_LENGTH = 20

/** Why a nickname is refused, worded by the app in the UI language (profile-messages.ts). */
export type NicknameProblem = 'empty' | 'too-long' | 'control-characters' | 'refused'

export type NicknameCheck = { isValid: true; nickname: string } | { isValid: false; problem: NicknameProblem }

/** The nickname as the server would take it (trimmed), or why it would refuse it: checked with the contract's schema. */
export function checkNickname(input: string): NicknameCheck {
  const parsed = v.safeParse(MePatch, { nickname: input })
  if (parsed.success) return { isValid: true, nickname: parsed.output.nickname ?? '' }
  const issue = parsed.issues[0]
  if (issue?.message === NO_CONTROL_CHARACTERS) return { isValid: false, problem: 'control-characters' }
  if (issue?.type === 'min_length') return { isValid: false, problem: 'empty' }
  if (issue?.type === 'max_length') return { isValid: false, problem: 'too-long' }
  return { isValid: false, problem: 'refused' }
}

/**
 * The server's words for a refused nickname (details.fields.nickname) are never shown: only the control-character
 * refusal has a fixed wording in the contract; any other (a length, a backend's own review) is a plain refusal.
 */
export const problemOfServerField = (message: string): NicknameProblem =>
  message === NO_CONTROL_CHARACTERS ? 'control-characters' : 'refused'
