import { useRouter } from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/page-state'
import { postQuery } from '@/features/community/api/post-mutations'
import { PostDetailView } from '@/features/community/components/post-detail-view'
import { postMessages } from '@/features/community/post-messages'
import { useMessages } from '@/lib/i18n'
import { usePostShare } from './use-post-share'

export default function PostPage() {
  const text = useMessages(postMessages)
  const { params } = useRouter()
  const postId = params.id ?? ''
  // The same query the detail runs: a share carries the author's code when the server answers one (weapp).
  usePostShare(postId, useQuery({ ...postQuery(postId), enabled: postId !== '' }).data)
  return (
    <PageShell title={text.postTitle} testId='post-page'>
      {/* A link without a post names nothing to load: say so rather than ask the server for /posts/. */}
      {postId ? <PostDetailView postId={postId} /> : <EmptyState title={text.noPost} />}
    </PageShell>
  )
}
