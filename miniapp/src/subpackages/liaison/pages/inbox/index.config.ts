export default definePageConfig({ navigationBarTitleText: '联络员工作台', enablePullDownRefresh: true, onReachBottomDistance: 80 });
