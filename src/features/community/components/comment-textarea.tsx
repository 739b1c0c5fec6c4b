import { useLayoutEffect, useRef } from 'react'
import type { CommentTextareaProps } from './comment-textarea-props'
import { cutToMaxLength } from '../lib/text-limit'

/**
 * H5: the browser's own textarea (as the composer's, compose-textarea.tsx: Taro's H5 Textarea would add its wrapper
 * to the chunk every page shares). It grows with its lines up to the bar's max-height, then scrolls; Enter is a new
 * line, Ctrl+Enter or ⌘+Enter sends. The mini-program uses WeChat's (comment-textarea.weapp.tsx).
 */
export function CommentTextarea({
  value,
  placeholder,
  label,
  maxLength,
  onChange,
  onSend,
  onResized,
}: CommentTextareaProps) {
  const field = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    const before = element.style.height
    element.style.height = 'auto'
    // The CSS max-height caps it; past that the text scrolls inside. (jsdom measures nothing: leave it.)
    if (element.scrollHeight > 0) element.style.height = `${element.scrollHeight}px`
    if (element.style.height !== before) onResized()
  }, [value, onResized])
  return (
    <textarea
      ref={field}
      className='comment-bar__textarea'
      rows={1}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      aria-label={label}
      data-testid='comment-input'
      onChange={(event) => onChange(cutToMaxLength(event.target.value, maxLength))}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          onSend()
        }
      }}
    />
  )
}
