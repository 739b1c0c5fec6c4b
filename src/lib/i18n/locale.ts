import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../storage'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

type LocaleState = { locale: Locale; localeChosen: (locale: Locale) => void }

/** UI language: zh-CN by default, English on request; remembered on the device. */
export const useLocale = create<LocaleState>()(
  persist((set) => ({ locale: 'zh-CN', localeChosen: (locale) => set({ locale }) }), {
    name: 'fanloop.locale',
    storage: createJSONStorage(() => taroStorage),
    partialize: ({ locale }) => ({ locale }),
  }),
)

type MessageValue = string | readonly string[] | Record<string, string> | ((...args: never[]) => string)

/** A feature's strings in every locale; English must have exactly the keys of Chinese. */
export type Messages<T extends Record<string, MessageValue>> = Record<Locale, T>

export const defineMessages = <T extends Record<string, MessageValue>>(messages: Messages<T>): Messages<T> => messages

export function useMessages<T extends Record<string, MessageValue>>(messages: Messages<T>): T {
  const locale = useLocale((state) => state.locale)
  return messages[locale]
}

export const messagesFor = <T extends Record<string, MessageValue>>(messages: Messages<T>): T =>
  messages[useLocale.getState().locale]
