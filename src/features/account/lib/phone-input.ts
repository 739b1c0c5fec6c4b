/**
 * A mobile number as a member pastes or autofills it ("+86 139 1111 2222", "0086 13911112222"; the number field
 * keeps its digits) brought to the 11 digits the contract takes: only the digits, and the country code 86 (or 0086)
 * in front of a full number dropped. Anything else is left for the form's check to refuse.
 */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '')
}

/** Long enough for a pasted "+86 139 1111 2222" (or "0086 139-1111-2222") to arrive whole before it is cleaned. */
export const PHONE_INPUT_MAX_LENGTH = 20
