import { defineMessages } from '@/lib/i18n'

export const communityMessages = defineMessages({
  'zh-CN': {
    title: '社区',
    featured: '社区精选',
    sections: { recommend: '种草推荐', hot: '爆款精选', earn: '分享赚' } as Record<string, string>,
    empty: '这里还没有内容，来发第一篇吧',
    pinned: '置顶',
    likes: (count: number) => `${count} 赞`,
    comments: (count: number) => `${count} 评论`,
  },
  en: {
    title: 'Community',
    featured: 'From the community',
    sections: { recommend: 'Picks', hot: 'Hot', earn: 'Share & earn' } as Record<string, string>,
    empty: 'Nothing here yet. Be the first to post.',
    pinned: 'Pinned',
    likes: (count: number) => `${count} likes`,
    comments: (count: number) => `${count} comments`,
  },
})
