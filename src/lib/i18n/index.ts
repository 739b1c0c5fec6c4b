export { LOCALES, defineMessages, messagesFor, useLocale, useMessages, type Locale, type Messages } from './locale'
export { commonMessages, errorCodeMessages } from './common-messages'
export { describeError } from './describe-error'
