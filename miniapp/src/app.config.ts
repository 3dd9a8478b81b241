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
      pages: ['pages/inbox/index', 'pages/request-detail/index', 'pages/file-on-behalf/index'],
    },
    // 部门联络员: whistled items of their department (also the desktop-browser client through H5)
    {
      root: 'subpackages/liaison',
      name: 'liaison',
      pages: ['pages/inbox/index', 'pages/request-detail/index'],
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
