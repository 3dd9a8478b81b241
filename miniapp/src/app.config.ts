export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/my-requests/index',
    'pages/messages/index',
    'pages/request-new/index',
    'pages/request-detail/index',
    'pages/bind-home/index',
  ],
  // Staff screens live in their own subpackage: residents never download them.
  subPackages: [
    {
      root: 'subpackages/staff',
      name: 'staff',
      pages: ['pages/inbox/index', 'pages/request-detail/index', 'pages/file-on-behalf/index',
        // 数据 (metrics, charts, rankings, 导出月报) and 问需会 (agenda → projects)
        'pages/data/index',
        'pages/metric-items/index',
        'pages/review/index',
        'pages/projects/index',
        'pages/project/index',
        // 上门服务计划 (provider day plan) and one visit (?id=<bookingId>)
        'pages/visits/index',
        'pages/visit/index',
        // 服务清单管理 (community officers): the catalogue, one service's editor, its rules and slots
        'pages/catalogue/index',
        'pages/catalogue-edit/index',
        'pages/catalogue-slots/index',
        // 待回访 (电话回访 of unrated items)
        'pages/return-visits/index', 'pages/home-bindings/index'],
    },
    // 部门联络员: whistled items of their department (also the desktop-browser client through H5)
    {
      root: 'subpackages/liaison',
      name: 'liaison',
      pages: ['pages/inbox/index', 'pages/request-detail/index'],
    },
    // 便民服务 (residents): catalogue, slots and booking, 我的预约, asking for an unlisted service
    {
      root: 'subpackages/services',
      name: 'services',
      pages: ['pages/catalogue/index', 'pages/service/index', 'pages/my-bookings/index', 'pages/booking/index', 'pages/ask/index'],
    },
    // 公示 (residents): the community's rates and resolved items, anonymised
    {
      root: 'subpackages/community',
      name: 'community',
      pages: ['pages/board/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1677ff',
    navigationBarTitleText: '格治',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/my-requests/index', text: '我的诉求' },
      { pagePath: 'pages/messages/index', text: '消息' },
    ],
  },
});
