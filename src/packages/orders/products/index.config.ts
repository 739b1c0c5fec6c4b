export default definePageConfig({ navigationBarTitleText: '分享赚' })
