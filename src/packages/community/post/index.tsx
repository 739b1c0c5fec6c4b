import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { feedMessages } from '@/features/community/feed-messages'
import { useMessages } from '@/lib/i18n'

export default function PostPage() {
  const text = useMessages(feedMessages)
  const { params } = useRouter()
  return (
    <PageShell title={text.postTitle} testId='post-page'>
      <PostDetailView postId={params.id ?? ''} />
    </PageShell>
  )
}
