import { cutToMaxLength } from '../lib/text-limit'

type ComposeTextareaProps = { value: string; placeholder: string; label: string; maxLength: number; onChange: (value: string) => void }

/**
 * H5: the browser's own textarea. Taro's H5 Textarea is a web component whose wrapper lands in the chunk every
 * page shares (measured +1.1 KB gzip on the home page's first screen); the mini-program uses WeChat's
 * (compose-textarea.weapp.tsx).
 */
export function ComposeTextarea({ value, placeholder, label, maxLength, onChange }: ComposeTextareaProps) {
  return (
    <textarea
      className='composer__text'
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      aria-label={label}
      data-testid='compose-text'
      onChange={(event) => onChange(cutToMaxLength(event.target.value, maxLength))}
    />
  )
}
