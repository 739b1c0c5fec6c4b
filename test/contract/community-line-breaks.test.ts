import { Comment, Post } from '../../src/contract/all'
import { TEXT_REFUSALS } from '../../src/contract/community'
import { createApiClient, expectShape, fieldsOf, signUp } from './support/client'
import { comment, createPost } from './support/community'

// Posts and comments are written in paragraphs: their text keeps line breaks (\r\n and \r arrive as \n), while
// every other control character is still refused, and single-line fields (a topic, a nickname) stay single-line.

const api = createApiClient()

const readPost = async (id: string) => expectShape(Post, (await api.request('GET', `/posts/${id}`)).body)
const readComments = async (postId: string) =>
  ((await api.request('GET', `/posts/${postId}/comments`)).body as { items: Comment[] }).items

describe('line breaks in a post', () => {
  it('publishes a post in paragraphs and reads it back with its line breaks; a topic stays one line', async () => {
    const { token } = await signUp(api)
    const text = '第一段\n第二段\n\n隔一个空行的第三段'
    const created = await createPost(api, token, { text })
    expect(created.status).toBe(201)
    const post = expectShape(Post, created.body)
    expect(post.text).toBe(text)
    expect((await readPost(post.id)).text).toBe(text)
    const mine = (await api.request('GET', '/me/posts', { token })).body as { items: Post[] }
    expect(mine.items.find((item) => item.id === post.id)?.text).toBe(text)

    expect(fieldsOf(await createPost(api, token, { text: '正文', topic: '护肤\n心得' }))).toHaveProperty(['topic'])
  })

  it.each([
    ['\\r\\n (Windows) and \\r become \\n', '第一段\r\n第二段\r第三段', '第一段\n第二段\n第三段'],
    ['more than 2 blank lines in a row become 2', '上\n\n\n\n\n\n下\n \n\u3000\n\n末', '上\n\n\n下\n\n\n末'],
    [
      'blank lines before the text and whitespace after it are dropped',
      '\n \n  缩进的开头\n结尾\n\n \n',
      '  缩进的开头\n结尾',
    ],
  ])('normalises the text: %s', async (_label, sent, stored) => {
    const { token } = await signUp(api)
    const post = expectShape(Post, (await createPost(api, token, { text: sent })).body)
    expect(post.text).toBe(stored)
    expect((await readPost(post.id)).text).toBe(stored)
  })

  it('counts a line break as a character: 1000 with breaks go out, 1001 do not', async () => {
    const { token } = await signUp(api)
    const paragraph = `${'长'.repeat(99)}\n`
    const full = `${paragraph.repeat(9)}${'长'.repeat(100)}`
    expect(full).toHaveLength(1000)
    expect((await createPost(api, token, { text: full })).status).toBe(201)
    expect(fieldsOf(await createPost(api, token, { text: `${full}长` }))).toMatchObject({ text: TEXT_REFUSALS.tooLong })
  })
})

describe('line breaks in a comment', () => {
  it('takes a comment and a reply in paragraphs and lists them with their line breaks', async () => {
    const { token } = await signUp(api)
    const post = expectShape(Post, (await createPost(api, token, { text: '求推荐\n预算 300 以内' })).body)
    const first = expectShape(Comment, (await comment(api, token, post.id, { text: '一楼\n试试这个' })).body)
    expect(first.text).toBe('一楼\n试试这个')
    const reply = expectShape(
      Comment,
      (await comment(api, token, post.id, { text: '谢谢\r\n已下单', replyTo: first.id })).body,
    )
    expect(reply.text).toBe('谢谢\n已下单')
    const listed = await readComments(post.id)
    expect(listed.map((item) => item.text)).toEqual(['一楼\n试试这个'])
    expect(listed[0]?.replies.map((item) => item.text)).toEqual(['谢谢\n已下单'])
  })
})

describe('other control characters are still refused in text with line breaks', () => {
  it.each([
    ['a NUL', '\u0000'],
    ['an escape', '\u001b'],
    ['a tab', '\t'],
    ['a vertical tab', '\u000b'],
    ['a DEL', '\u007f'],
    ['a next-line control (U+0085)', '\u0085'],
    ['a line separator (U+2028)', '\u2028'],
    ['a paragraph separator (U+2029)', '\u2029'],
    ['a right-to-left override (U+202E)', '\u202e'],
    ['a bidi isolate (U+2066)', '\u2066'],
  ])('%s: the paragraphs go out without it, and are refused with it', async (_label, control) => {
    const { token } = await signUp(api)
    const clean = '第一段\n第二段'
    const dirty = `第一段${control}\n第二段`
    const post = expectShape(Post, (await createPost(api, token, { text: clean })).body)
    expect(fieldsOf(await createPost(api, token, { text: dirty }))).toMatchObject({
      text: TEXT_REFUSALS.controlCharacters,
    })
    expect((await comment(api, token, post.id, { text: clean })).status).toBe(201)
    expect(fieldsOf(await comment(api, token, post.id, { text: dirty }))).toMatchObject({
      text: TEXT_REFUSALS.controlCharacters,
    })
    expect((await readComments(post.id)).map((item) => item.text)).toEqual([clean])
  })
})
