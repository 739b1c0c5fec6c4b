import { defineMessages } from '@/lib/i18n'

/**
 * The report reasons (REPORT_REASONS in the contract) as members choose them in the report sheet, named once: the
 * post page's messages carry them, and the preview console's review queue names what members reported with them.
 */
export const reportMessages = defineMessages({
  'zh-CN': {
    reportReasons: {
      spam: '垃圾广告',
      abuse: '辱骂攻击',
      sexual: '色情低俗',
      illegal: '违法违规',
      misinformation: '虚假信息',
      other: '其他',
    } as Record<string, string>,
  },
  en: {
    reportReasons: {
      spam: 'Spam or ads',
      abuse: 'Abuse',
      sexual: 'Sexual content',
      illegal: 'Illegal content',
      misinformation: 'Misinformation',
      other: 'Other',
    } as Record<string, string>,
  },
})
