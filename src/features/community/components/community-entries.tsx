import { EntryGrid } from '@/components/entry-grid'
import { defineMessages, useMessages } from '@/lib/i18n'
import { communityRoutes } from '../lib/community-routes'

// Its own few strings: the 我的 tab loads this, not the community's page messages.
const entryMessages = defineMessages({
  'zh-CN': { myPosts: '我的笔记', compose: '发布笔记', challenge: '打卡挑战', certificates: '我的证书' },
  en: { myPosts: 'My posts', compose: 'New post', challenge: 'Challenge', certificates: 'Certificates' },
})

/** The member's posts, the composer, the challenge and its certificates one tap away. */
export function CommunityEntries() {
  const text = useMessages(entryMessages)
  return (
    <EntryGrid
      entries={[
        { key: 'my-posts', label: text.myPosts, url: communityRoutes.myPosts, glyph: '笔' },
        { key: 'compose', label: text.compose, url: communityRoutes.compose, glyph: '+' },
        { key: 'challenge', label: text.challenge, url: communityRoutes.challenge, glyph: '7' },
        { key: 'certificates', label: text.certificates, url: communityRoutes.certificates, glyph: '证' },
      ]}
    />
  )
}
