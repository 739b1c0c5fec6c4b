import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './birthday-date-picker.scss'

export type BirthdayDatePickerProps = {
  /**
   * Where the picker opens (YYYY-MM-DD), on the mini-program only: WeChat's picker answers 确定 on the date it opened
   * at, a browser's date input sends no change for the date it holds, so on H5 it holds none.
   */
  opensAt: string
  earliest: string
  latest: string | undefined
  isDisabled: boolean
  onPicked: (date: string) => void
  children: ReactNode
}

/**
 * H5 (and the default): the phone's own date picker, from a native date input laid over the
 * button. Taro's H5 Picker would put its whole picker library in the first-screen JS; the
 * mini-program's Picker lives in birthday-date-picker.weapp.tsx, which Taro picks for that build.
 */
export function BirthdayDatePicker({ earliest, latest, isDisabled, onPicked, children }: BirthdayDatePickerProps) {
  return (
    <View className='birthday-date-picker'>
      {children}
      <input
        className='birthday-date-picker__native'
        type='date'
        data-testid='birthday-picker'
        aria-label='birthday'
        defaultValue=''
        min={earliest}
        max={latest}
        disabled={isDisabled}
        onChange={(event) => {
          const picked = event.target.value
          // Empty again: otherwise the same date picked again (after 再想想) is no change, and no event.
          event.target.value = ''
          if (picked) onPicked(picked)
        }}
      />
    </View>
  )
}
