export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // A KOL shares the product they earn on (useReferralShare adds their code).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
