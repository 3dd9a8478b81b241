export default definePageConfig({ navigationBarTitleText: '明细', enablePullDownRefresh: true, onReachBottomDistance: 80 });
