import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/page-state'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { postMessages } from '@/features/community/post-messages'
import { useMessages } from '@/lib/i18n'

export default function PostPage() {
  const text = useMessages(postMessages)
  const { params } = useRouter()
  const postId = params.id ?? ''
  return (
    <PageShell title={text.postTitle} testId='post-page'>
      {/* A link without a post names nothing to load: say so rather than ask the server for /posts/. */}
      {postId ? <PostDetailView postId={postId} /> : <EmptyState title={text.noPost} />}
    </PageShell>
  )
}
