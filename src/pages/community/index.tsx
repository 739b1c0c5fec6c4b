import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import type { PostSection } from '@/features/community/api/post-queries'
import { ChallengePinned } from '@/features/community/components/challenge-pinned'
import { CommunityFeed } from '@/features/community/components/community-feed'
import { ComposeEntry } from '@/features/community/components/compose-entry'
import { TopicChips } from '@/features/community/components/topic-chips'
import { communityMessages } from '@/features/community/messages'
import { useReportHotListBrowsed } from '@/features/membership/lib/use-report-hot-list-browsed'
import { useMessages } from '@/lib/i18n'
import './index.scss'

const SECTIONS: readonly PostSection[] = ['recommend', 'hot', 'earn']

export default function CommunityPage() {
  const text = useMessages(communityMessages)
  const [section, setSection] = useState<PostSection>('recommend')
  const [topic, setTopic] = useState<string | undefined>(undefined)
  useReportHotListBrowsed(section === 'hot')
  return (
    <PageShell title={text.title} testId='community-page'>
      <View className='community__tabs' role='tablist'>
        {SECTIONS.map((item) => (
          <View
            key={item}
            role='tab'
            tabIndex={0}
            aria-selected={item === section}
            className={`community__tab ${item === section ? 'community__tab--active' : ''}`}
            hoverClass='community__tab--pressed'
            data-testid={`section-${item}`}
            onClick={() => setSection(item)}
          >
            <Text>{text.sections[item]}</Text>
          </View>
        ))}
      </View>
      {/* This week's check-in challenge, pinned above the posts. */}
      <ChallengePinned />
      <TopicChips topic={topic} onTopicChosen={setTopic} />
      <CommunityFeed key={`${section}/${topic ?? ''}`} section={section} topic={topic} />
      <ComposeEntry />
    </PageShell>
  )
}
