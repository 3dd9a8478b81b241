export default definePageConfig({ navigationBarTitleText: '服务清单管理', enablePullDownRefresh: true });
