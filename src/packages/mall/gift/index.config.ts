export default definePageConfig({ navigationBarTitleText: '礼品详情', enableShareAppMessage: true, enableShareTimeline: true })
