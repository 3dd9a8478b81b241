export default definePageConfig({ navigationBarTitleText: '项目服务清单', enablePullDownRefresh: true, onReachBottomDistance: 80 });
