import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { MyPostList } from '@/features/community/components/my-post-list'
import { composeMessages } from '@/features/community/compose-messages'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'

export default function MyPostsPage() {
  const text = useMessages(composeMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  return (
    <PageShell title={text.myPostsTitle} testId='my-posts-page'>
      {isSignedIn ? (
        <>
          <View className='my-posts__compose'>
            <ActionButton isBlock testId='my-posts-compose' onTap={() => void Taro.navigateTo({ url: communityRoutes.compose })}>
              {text.compose}
            </ActionButton>
          </View>
          <MyPostList />
        </>
      ) : (
        <SignInPrompt />
      )}
    </PageShell>
  )
}
