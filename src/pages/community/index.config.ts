export default definePageConfig({
  navigationBarTitleText: '社区',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
})
