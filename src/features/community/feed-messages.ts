import { defineMessages } from '@/lib/i18n'

// The 社区 tab's feed (apart from messages.ts, which the home page's first screen carries); the post page's table
// (./post-messages) includes these and adds its own.
export const feedMessages = defineMessages({
  'zh-CN': {
    allTopics: '全部',
    topicsLabel: '话题',
    more: '全文',
    image: (index: number, count: number) => `图片 ${index}/${count}`,
    avatarOf: (nickname: string) => `${nickname}的头像`,
    product: '笔记同款',
    productHint: '通过作者的分享下单，作者可得佣金',
    likes: (count: number) => `赞 ${count}`,
    comments: (count: number) => `评论 ${count}`,
    compose: '发笔记',
    previewImage: '查看大图',
  },
  en: {
    allTopics: 'All',
    topicsLabel: 'Topics',
    more: 'More',
    image: (index: number, count: number) => `Image ${index} of ${count}`,
    avatarOf: (nickname: string) => `${nickname}'s avatar`,
    product: 'In this post',
    productHint: 'Buying through the author’s share earns them a commission',
    likes: (count: number) => `${count} likes`,
    comments: (count: number) => `${count} comments`,
    compose: 'Post',
    previewImage: 'View full size',
  },
})
