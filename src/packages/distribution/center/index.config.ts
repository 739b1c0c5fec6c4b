export default definePageConfig({ navigationBarTitleText: '达人中心' })
