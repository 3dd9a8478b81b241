export default definePageConfig({ navigationBarTitleText: '格治 · 社区网格服务' });
