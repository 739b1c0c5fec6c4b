export default definePageConfig({
  navigationBarTitleText: '笔记详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
