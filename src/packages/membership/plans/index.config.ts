export default definePageConfig({ navigationBarTitleText: '付费会员' })
