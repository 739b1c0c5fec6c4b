import { TEXT_REFUSALS } from '@/contract/community'

/** Which of the contract's refusals of a post's or a comment's text the server gave; 'other' for anything else. */
export type TextRefusal = keyof typeof TEXT_REFUSALS | 'other'

/**
 * The refusal behind the server's words for the text field (details.fields.text). Those words are the contract's
 * English (or a backend's own, such as a content review's reason): the composers show their own words for the
 * refusal in the UI language, never the server's.
 */
export function textRefusalOf(serverWords: string): TextRefusal {
  const known = (Object.keys(TEXT_REFUSALS) as (keyof typeof TEXT_REFUSALS)[]).find(
    (refusal) => TEXT_REFUSALS[refusal] === serverWords,
  )
  return known ?? 'other'
}
