export default definePageConfig({ navigationBarTitleText: '部门处置', enablePullDownRefresh: true });
