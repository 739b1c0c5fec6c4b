import { useState } from 'react'
import { Textarea } from '@tarojs/components'
import { COMMENT_FIELD_MAX_LINES, type CommentTextareaProps } from './comment-textarea-props'
import { cutToMaxLength } from '../lib/text-limit'

/**
 * The mini-program: WeChat's native textarea in the fixed comment bar (H5 uses the browser's, comment-textarea.tsx).
 * - autoHeight grows it with its lines; past COMMENT_FIELD_MAX_LINES it stops growing (a fixed height, the text
 *   scrolls inside): WeChat's auto-height ignores the style's height, so the cap switches auto-height off.
 * - fixed: it sits in a position: fixed bar. adjustPosition with adjustKeyboardTo 'bottom' pushes the page up until
 *   the field's bottom (not just the cursor) is above the keyboard, and cursorSpacing keeps the bar's own padding
 *   below it visible; no 完成 bar on top of the keyboard (the bar's 发送 sends, the return key is a new line).
 */
export function CommentTextarea({ value, placeholder, label, maxLength, onChange, onResized }: CommentTextareaProps) {
  const [isCapped, setIsCapped] = useState(false)
  return (
    <Textarea
      className={`comment-bar__textarea ${isCapped ? 'comment-bar__textarea--capped' : ''}`}
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      autoHeight={!isCapped}
      fixed
      adjustPosition
      adjustKeyboardTo='bottom'
      cursorSpacing={12}
      showConfirmBar={false}
      disableDefaultPadding
      aria-label={label}
      data-testid='comment-input'
      onLineChange={(event) => {
        setIsCapped(event.detail.lineCount > COMMENT_FIELD_MAX_LINES)
        onResized()
      }}
      onInput={(event) => onChange(cutToMaxLength(event.detail.value, maxLength))}
    />
  )
}
