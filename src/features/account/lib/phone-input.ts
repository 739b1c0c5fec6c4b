/**
 * A mobile number as a member pastes or autofills it ("+86 139 1111 2222", "0086 13911112222", "138-1234-5678": the
 * mini-program's number field keeps its digits, H5's text field all of it) brought to the 11 digits the contract
 * takes: only the digits, and the country code 86 (or 0086) in front of a full number dropped. Anything else is left
 * for the form's check to refuse.
 */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '')
}

/** Long enough for a pasted "+86 139 1111 2222" (or "0086 139-1111-2222") to arrive whole before it is cleaned. */
export const PHONE_INPUT_MAX_LENGTH = 20

/**
 * On H5 a text field with the phone keypad, not a number field: a browser's number field refuses a pasted
 * "138-1234-5678" or "+86 138-1234-5678" whole (its value is '' and the digits are lost), while a text field hands
 * them to phoneDigits. The mini-program keeps WeChat's number keyboard.
 */
export const PHONE_INPUT_TYPE = process.env.TARO_ENV === 'h5' ? 'text' : 'number'
/** Taro's H5 Input hands props it does not know to the <input> (its `nativeProps` is not read there). */
export const PHONE_H5_ATTRIBUTES: Record<string, string> =
  process.env.TARO_ENV === 'h5' ? { inputMode: 'tel', autoComplete: 'tel' } : {}
