/** The comment bar's text field, one per platform (comment-textarea.tsx on H5, comment-textarea.weapp.tsx). */
export type CommentTextareaProps = {
  value: string
  placeholder: string
  label: string
  maxLength: number
  onChange: (value: string) => void
  /** A keyboard's way to send (H5: Ctrl/⌘+Enter); Enter alone is a new line: comments keep paragraphs. */
  onSend: () => void
  /** Its height changed (it grew or shrank by a line): the bar around it did too. */
  onResized: () => void
}

/** Lines the field grows to before its text scrolls inside it (the scss's max-height says the same). */
export const COMMENT_FIELD_MAX_LINES = 5
