export default definePageConfig({ navigationBarTitleText: '问需会议程', enablePullDownRefresh: true });
