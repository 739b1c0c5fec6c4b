export default definePageConfig({ navigationBarTitleText: '我的笔记' })
