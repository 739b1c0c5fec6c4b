import { Textarea } from '@tarojs/components'
import { cutToMaxLength } from '../lib/text-limit'

type ComposeTextareaProps = { value: string; placeholder: string; label: string; maxLength: number; onChange: (value: string) => void }

/** The mini-program: WeChat's native textarea (H5 uses the browser's, compose-textarea.tsx). */
export function ComposeTextarea({ value, placeholder, label, maxLength, onChange }: ComposeTextareaProps) {
  return (
    <Textarea
      className='composer__text'
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      autoHeight
      aria-label={label}
      data-testid='compose-text'
      onInput={(event) => onChange(cutToMaxLength(event.detail.value, maxLength))}
    />
  )
}
