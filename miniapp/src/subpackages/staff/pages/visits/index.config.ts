export default definePageConfig({ navigationBarTitleText: '上门服务计划', enablePullDownRefresh: true });
