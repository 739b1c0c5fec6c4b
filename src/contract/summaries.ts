import type { AllEndpointName } from './all'

/**
 * One line per route for the OpenAPI document. Kept apart from the endpoint table so the app, which imports the
 * table, does not ship these sentences to phones.
 */
export const summaries: Record<AllEndpointName, string> = {
  health: 'Liveness and the server clock',
  openapi: 'This contract as an OpenAPI 3.1 document',
  appConfig: 'Brand, theme, levels and rules the app renders from',
  sendSms: 'Send a sign-in code by SMS (the mock always uses 123456)',
  signInByPhone: 'Sign in (H5) with phone and SMS code; creates the member on first use',
  signInByWechat: 'Sign in (mini-program) with a Taro.login code',
  signOut: 'End this session',
  me: 'The signed-in member',
  updateMe: 'Change nickname, avatar, or set the birthday once',
  gifts:
    'Gifts of the points mall (affordable=true: only those the member could redeem one of now, by level, stock, ' +
    'their limit and their points, so it needs a token: 401 without)',
  giftCategories: 'Categories of the points mall, in display order',
  gift: 'One gift, with how many the signed-in member already redeemed',
  addresses: "The member's addresses, default first",
  createAddress: 'Add an address (at most 10; 409 ADDRESS_LIMIT_REACHED)',
  updateAddress: 'Edit an address or make it the default',
  deleteAddress: 'Delete an address (the next one becomes default)',
  redeem: 'Redeem a gift in one atomic step, or refuse with a code and change nothing',
  redemptions: "The member's redemptions, newest first, by status",
  redemption: "One of the member's redemptions",
  cancelRedemption: 'Cancel while pending shipment: points and stock come back once (409 CANCEL_NOT_ALLOWED)',
  posts: 'Community posts by section and topic',
  post: 'One post',
  topics: 'Community topics, most active first',
  checkinCalendar: "A month's check-ins, streak, make-ups left and the rewards ahead",
  checkIn: "Check in for the server's business day (409 ALREADY_CHECKED_IN the second time)",
  makeUpCheckin: 'Make up a missed day of this month for points (409 MAKEUP_NOT_ALLOWED with details.reason)',
  pointsSummary: 'Balance, pending points, points expiring soon',
  pointsLedger: 'Ledger entries, newest first; direction=earned|spent filters',
  tasks: 'Daily and one-time tasks with progress as the server saw it',
  completeTask: 'Report a self-reported task done (only those the server cannot see; capped)',
  levels: "The level table with benefits, the member's level and growth, a level-up not yet celebrated",
  levelCelebrated: 'The member has seen the celebration of this level (it is not shown again)',
  birthdayGift: "This year's birthday gift: available in the birthday month, once a year",
  claimBirthdayGift: 'Claim the birthday gift (409 BIRTHDAY_GIFT_UNAVAILABLE when not available)',
  createPost:
    "Publish a post: answered 'published', 'rejected' with rejectReason, or 'pending' while a review delay runs; a productId (a distributor only, else 403 NOT_DISTRIBUTOR) makes it a 分享赚 post",
  deletePost: "Delete one's own post (403 FORBIDDEN for another member's, 404 for none)",
  myPosts: "The member's own posts in every status, newest first",
  likePost: 'Like a post: one like per member per post, however many requests arrive',
  unlikePost: 'Take a like back (nothing happens when there is none)',
  comments: "A post's top-level comments, oldest first, each with its replies",
  createComment:
    'Comment on a post or reply to a comment (a reply to a reply joins its top-level comment and names replyToMember)',
  deleteComment:
    "Delete one's own comment; one with replies stays as their placeholder (isDeleted) (403 FORBIDDEN for another member's)",
  reportPost:
    "Report another member's post (once per member; 5 distinct reporters hide it; 403 FORBIDDEN for one's own)",
  reportComment:
    "Report another member's comment or reply (once per member; 5 distinct reporters hide it pending review; 403 FORBIDDEN for one's own)",
  upload:
    'Upload an image (multipart/form-data, field "file"): JPEG, PNG or WebP by its bytes, at most 5 MB; GET the answered url for the bytes',
  events: "Check-in challenges, newest first: dates, how many joined, and the signed-in member's days",
  joinEvent: 'Join a challenge (again: nothing changes; 409 EVENT_CLOSED once it has ended)',
  certificates: "The member's certificates, newest first",
  certificate: "Anyone can check a certificate's code: holder, title, dates (404 for a code never issued)",
  distributionStatus:
    'Whether the member distributes, and each way to the right: invite code, the task with live progress, the application, plans (per client)',
  applyForDistribution:
    'Become a distributor by an invite code or the task, or apply for review (409 DISTRIBUTION_NOT_ALLOWED with details.reason)',
  distributionOverview: "The KOL center: today's and total commission by state, fans, KOL level and progress",
  referralCard:
    "The distributor's card: code, share path, mini-program scene and image, name, level (403 NOT_DISTRIBUTOR)",
  recordArrival:
    "A signed-in member arrived through a referral code: bound (first touch) or not, and why; the code's distributor sees why",
  arrivals:
    "Arrivals through the distributor's code that did not bind, with the reason and the post, newest first " +
    "(postId=: only that post's)",
  fans: "The distributor's fans: source, bound at, protection ends, newest first (postId=: only that post's)",
  kolPosts:
    "The distributor's 分享赚 posts with the fans, unbound arrivals, paid orders and commission each brought " +
    '(sort=fans: most fans first, the default; sort=newest)',
  commissions: "The distributor's commissions with state and settle date (settled lazily by the server's clock)",
  requestWithdrawal:
    'Withdraw settled commission: from the minimum, within what is withdrawable, one pending at a time (409 WITHDRAWAL_NOT_ALLOWED)',
  withdrawals: "The distributor's withdrawals, newest first: requested, paid or rejected",
  products: 'Products to share, with price and the commission a distributor earns on one',
  product: 'One product',
  createOrder:
    "Buy (mock payment) through a distributor's link (ref) or a 分享赚 post: points pending, growth, commission",
  orders: "The member's orders, newest first",
  order: "One of the member's orders",
  refundOrder:
    'Refund within the window: points, growth, commission and a plan reversed exactly once (409 REFUND_NOT_ALLOWED)',
  plans: 'Membership plans with price, duration and benefits; which carry distribution rights depends on the client',
  myPlan: "The member's plan periods, the one in force with its benefits, and the plan's monthly coupons",
  purchasePlan: 'Buy a plan (mock payment, an order like any other): a new period, after the last one when it extends',
  coupons:
    "The member's coupons (a level's monthly coupon, a plan's, the points mall's coupon gifts), available ones first",
  monthlyCoupon: "This business month's coupon of the member's level: claimed, not eligible or available",
  claimMonthlyCoupon: "Claim this month's coupon of the member's level (409 COUPON_UNAVAILABLE with the reason)",
}
