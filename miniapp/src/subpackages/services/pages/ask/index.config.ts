export default definePageConfig({ navigationBarTitleText: '提出服务需求' });
