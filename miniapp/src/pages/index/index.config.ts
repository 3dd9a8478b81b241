export default definePageConfig({ navigationBarTitleText: '格治' });
