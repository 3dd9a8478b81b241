export default definePageConfig({ navigationBarTitleText: '住户核实', enablePullDownRefresh: true });
