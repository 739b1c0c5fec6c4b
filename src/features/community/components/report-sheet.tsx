import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REPORT_REASONS } from '@/contract/community'
import { ActionButton } from '@/components/action-button'
import { createIdempotencyKey } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { useReport, type ReportReason, type ReportTarget } from '../api/post-mutations'
import { postMessages } from '../post-messages'

type ReportSheetProps = { target: ReportTarget; postId: string; onClosed: () => void }

/**
 * Report a post, or a comment of the post `postId`, with a reason (the contract's list), once per opening of the
 * sheet and reason.
 */
export function ReportSheet({ target, postId, onClosed }: ReportSheetProps) {
  const text = useMessages(postMessages)
  const locale = useLocale((state) => state.locale)
  const [reason, setReason] = useState<ReportReason | null>(null)
  // One key per reason chosen in this opening: the same reason sent again (an answer that never came) replays it; another
  // reason is another request, which the server would refuse under the first one's key (IDEMPOTENCY_KEY_REUSED).
  const intentKeys = useRef(new Map<ReportReason, string>())
  const report = useReport(target, postId)
  const title = target.kind === 'post' ? text.reportTitle : text.reportCommentTitle
  const submit = () => {
    if (reason === null) return
    const key = intentKeys.current.get(reason) ?? createIdempotencyKey()
    intentKeys.current.set(reason, key)
    report.mutate(
      { reason, idempotencyKey: key },
      {
        onSuccess: () => {
          void Taro.showToast({ title: text.reported, icon: 'none', duration: 2500 })
          onClosed()
        },
      },
    )
  }
  return (
    <View className='sheet' data-testid='report-sheet'>
      <View className='sheet__backdrop' aria-hidden onClick={onClosed} />
      <View className='sheet__panel' role='dialog' aria-label={title}>
        <Text className='sheet__title'>{title}</Text>
        <View className='sheet__options' role='radiogroup' aria-label={text.reportChooseReason}>
          {REPORT_REASONS.map((item) => (
            <View
              key={item}
              role='radio'
              tabIndex={0}
              aria-checked={item === reason}
              className={`sheet__option ${item === reason ? 'sheet__option--chosen' : ''}`}
              hoverClass='sheet__option--pressed'
              data-testid={`report-reason-${item}`}
              onClick={() => setReason(item)}
            >
              <Text>{text.reportReasons[item]}</Text>
            </View>
          ))}
        </View>
        {report.isError ? (
          <View className='sheet__error' role='alert'>
            <Text data-testid='report-error'>{describeError(report.error, locale)}</Text>
          </View>
        ) : null}
        <View className='sheet__actions'>
          <ActionButton variant='secondary' testId='report-cancel' onTap={onClosed}>
            {text.reportCancel}
          </ActionButton>
          <ActionButton testId='report-submit' isDisabled={reason === null} isBusy={report.isPending} onTap={submit}>
            {reason === null ? text.reportChooseReason : text.reportSubmit}
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
