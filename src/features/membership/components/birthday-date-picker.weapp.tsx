import { Picker } from '@tarojs/components'
import type { BirthdayDatePickerProps } from './birthday-date-picker'

/** The mini-program: WeChat's own date picker. */
export function BirthdayDatePicker({ opensAt, earliest, latest, isDisabled, onPicked, children }: BirthdayDatePickerProps) {
  return (
    <Picker
      mode='date'
      value={opensAt}
      start={earliest}
      end={latest}
      disabled={isDisabled}
      onChange={(event) => onPicked(event.detail.value)}
      data-testid='birthday-picker'
    >
      {children}
    </Picker>
  )
}
