export default defineAppConfig({
  // Tab pages live in the main package; every feature page goes in a subpackage (2 MB main cap).
  pages: ['pages/home/index', 'pages/community/index', 'pages/mall/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['sign-in/index'] },
    {
      root: 'packages/membership',
      pages: ['checkin-calendar/index', 'points/index', 'levels/index', 'tasks/index', 'plans/index', 'profile/index', 'coupons/index'],
    },
    {
      root: 'packages/mall',
      pages: ['gift/index', 'redeem-result/index', 'addresses/index', 'redemptions/index', 'redemption/index'],
    },
    {
      root: 'packages/community',
      pages: [
        'post/index',
        'compose/index',
        'my-posts/index',
        'challenge/index',
        'certificates/index',
        'certificate/index',
      ],
    },
    {
      root: 'packages/distribution',
      pages: ['card/index', 'center/index', 'fans/index', 'commissions/index', 'withdrawals/index'],
    },
    { root: 'packages/orders', pages: ['products/index', 'product/index', 'orders/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'FanLoop',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f5f2',
  },
  tabBar: {
    color: '#6e6a66',
    selectedColor: '#c93a26',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    // Icons are drawn by scripts/make-tab-icons.mjs (81x81 PNG, normal and selected colour).
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/community/index',
        text: '社区',
        iconPath: 'assets/tab-bar/community.png',
        selectedIconPath: 'assets/tab-bar/community-active.png',
      },
      {
        pagePath: 'pages/mall/index',
        text: '积分商城',
        iconPath: 'assets/tab-bar/mall.png',
        selectedIconPath: 'assets/tab-bar/mall-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-bar/me.png',
        selectedIconPath: 'assets/tab-bar/me-active.png',
      },
    ],
  },
  // Only the components a page actually uses are injected at start-up.
  lazyCodeLoading: 'requiredComponents',
})
