// Reporting a comment in the built mini-program: the comment's 举报 opens the report sheet (a view of the page, not a
// WeChat action sheet), a reason is chosen and sent through the real WXML bindings, and the member is thanked with
// a toast. As the fifth distinct reporter they hide the comment: the page shows 该评论已被隐藏 over its reply at
// once, and the operator's review queue lists it.
import { expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(60_000)

const { server, launch } = weappTestFile(__filename, { resetEachTest: true })
let weapp: Weapp | undefined

const signUp = (phone: string) => server.post<{ token: string }>('/auth/phone', { phone, smsCode: '123456' })

test('a member reports a comment with a reason from the sheet; as the fifth reporter they hide it', async () => {
  const author = await signUp('13722220000')
  const post = await server.post<{ id: string }>('/posts', { text: '周末去露营，大家有什么装备推荐？' }, author.token)
  const writer = await signUp('13722220001')
  const top = await server.post<{ id: string }>(
    `/posts/${post.id}/comments`,
    { text: '加我微信买便宜帐篷，私聊' },
    writer.token,
  )
  await server.post(`/posts/${post.id}/comments`, { text: '帐篷建议选双层的', replyTo: top.id }, author.token)
  for (const index of [2, 3, 4, 5]) {
    const reporter = await signUp(`1372222000${index}`)
    await server.post(`/comments/${top.id}/report`, { reason: 'spam' }, reporter.token)
  }
  const me = await signUp('13722220009')
  weapp = await launch({ token: me.token, entry: `packages/community/post/index?id=${post.id}` })
  await weapp.waitForText('加我微信买便宜帐篷，私聊')

  // The post has its own 举报; a comment's is one of its actions: the comment's first, then its reply's (the queue
  // below says which was reported).
  const commentReports = weapp
    .findAll('wx-view')
    .filter((element) => element.getAttribute('class')?.includes('comment__action') && element.textContent === '举报')
  expect(commentReports).toHaveLength(2)
  await weapp.trigger(commentReports[0] as Element, 'tap', { x: 0, y: 0 })
  await weapp.waitForText('举报这条评论')
  await weapp.waitForText('请选择举报原因')
  await weapp.tap('垃圾广告')
  await weapp.tap('提交举报')
  await weapp.settle()
  expect(weapp.fake.toasts).toContain('已收到举报，我们会尽快处理')
  expect(weapp.current().text()).not.toContain('举报这条评论')
  // Hidden for everyone, its reporter too, at once; its reply stays under the placeholder.
  await weapp.waitForText('该评论已被隐藏')
  await weapp.waitForText('帐篷建议选双层的')
  expect(weapp.current().text()).not.toContain('加我微信买便宜帐篷，私聊')

  const queue = await server.get<{ items: { kind: string; id: string; reportCount: number }[] }>('/__mock/reviews')
  expect(queue.items.find((item) => item.id === top.id)).toMatchObject({ kind: 'comment', reportCount: 5 })
  expectHealthy(weapp)
})
