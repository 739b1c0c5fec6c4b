export default definePageConfig({ navigationBarTitleText: '电子证书', enableShareAppMessage: true })
