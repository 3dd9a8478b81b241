export default definePageConfig({ navigationBarTitleText: '时段管理', enablePullDownRefresh: true, onReachBottomDistance: 80 });
