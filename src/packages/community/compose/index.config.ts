export default definePageConfig({ navigationBarTitleText: '发布笔记' })
