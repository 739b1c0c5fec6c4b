import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { FanList } from '@/features/distribution/components/fan-list'
import { RightGate } from '@/features/distribution/components/right-ended-note'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'
import { useKeyboardScrollablePage } from '@/lib/keyboard-scroll'

export default function Page() {
  const text = useMessages(kolMessages)
  // Fans and arrivals are read-only rows: without this a keyboard could not scroll a long list on H5.
  useKeyboardScrollablePage(text.fansTitle)
  // ?postId= (from 笔记带来的粉丝): that post's fans only, until 看全部粉丝.
  const [postId, setPostId] = useState(useRouter().params.postId || undefined)
  return (
    <PageShell title={text.fansTitle} testId='fans-page'>
      <RightGate needs='right'>
        <FanList postId={postId} onShowAll={() => setPostId(undefined)} />
      </RightGate>
    </PageShell>
  )
}
