// Issue #11 on the mini-program: WeChat's screen reader reads aria-label / aria-role / aria-hidden, but
// Taro's weapp templates drop attributes they do not list. config/weapp-aria-plugin.js adds them to the
// templates and src/lib/weapp-aria.weapp.ts to the runtime (role is sent as aria-role). The simulator's
// built-in components do not show unknown attributes in its DOM, so this reads what WeChat would: each
// rendered node's data, through the data key base.wxml binds to each aria-* attribute of its template.
import fs from 'node:fs'
import path from 'node:path'
import { DIST, expectHealthy, type Weapp } from '../support/weapp-harness'
import { weappTestFile } from '../support/weapp-file'

jest.setTimeout(30_000)

const { server, launch } = weappTestFile(__filename)
let weapp: Weapp | undefined

type Template = { tag: string; keys: Record<string, string> }

/** tmpl_0_<nn> → the element it renders and, per attribute, the data key that feeds it (i.pN). */
function readTemplates(): Map<string, Template> {
  const base = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
  const templates = new Map<string, Template>()
  for (const [, nn = '', tag = '', attributes = ''] of base.matchAll(
    /<template name="tmpl_0_(\w+)">\s*<([\w-]+) ([^>]*)>/g,
  )) {
    const keys: Record<string, string> = {}
    for (const [, name = '', key = ''] of attributes.matchAll(/ ([\w-]+)="\{\{i\.(p\d+)\}\}"/g)) keys[name] = key
    templates.set(nn, { tag, keys })
  }
  return templates
}

type DataNode = { nn?: string | number; cl?: string; cn?: DataNode[]; [key: string]: unknown }
type Rendered = { tag: string; className: string; aria: Record<string, unknown> }

/** Every element the page renders, with its class and the aria-* values its template gives WeChat. */
function renderedElements(app: Weapp): Rendered[] {
  const templates = readTemplates()
  const data = (app.current().component.instance as unknown as { data: { root?: DataNode } }).data
  const found: Rendered[] = []
  const walk = (node: DataNode) => {
    const template = templates.get(String(node.nn))
    if (template) {
      const aria: Record<string, unknown> = {}
      for (const [name, key] of Object.entries(template.keys)) if (name.startsWith('aria-')) aria[name] = node[key]
      found.push({ tag: template.tag, className: node.cl ?? '', aria })
    }
    for (const child of node.cn ?? []) walk(child)
  }
  walk(data.root ?? {})
  return found
}

const withClass = (elements: Rendered[], className: string) =>
  elements.filter((element) => element.className.split(' ').includes(className))

test('the templates of views, images and texts carry the accessibility attributes', () => {
  const templates = [...readTemplates().values()]
  const image = templates.find((template) => template.tag === 'image')
  const view = templates.find((template) => template.tag === 'view')
  expect(Object.keys(image?.keys ?? {})).toEqual(expect.arrayContaining(['aria-label', 'aria-hidden']))
  expect(Object.keys(view?.keys ?? {})).toEqual(
    expect.arrayContaining([
      'aria-role',
      'aria-label',
      'aria-hidden',
      'aria-selected',
      'aria-checked',
      'aria-disabled',
    ]),
  )
})

test('a gift photo is named after the gift, buttons are read as buttons, card pictures are hidden', async () => {
  const gift = await server.get<{ name: string; images: string[] }>('/gifts/gift-tote')
  weapp = await launch({ entry: 'packages/mall/gift/index?id=gift-tote' })
  await weapp.waitForText(gift.name)
  await weapp.settle()
  const page = renderedElements(weapp)
  const photoLabels = withClass(page, 'gift-detail__image').map((element) => element.aria['aria-label'])
  expect(gift.images.length).toBeGreaterThan(0)
  expect(photoLabels).toContain(gift.images.length === 1 ? gift.name : `${gift.name} 1/${gift.images.length}`)
  const [redeem] = withClass(page, 'action-button')
  expect(redeem?.aria['aria-role']).toBe('button')
  expectHealthy(weapp)

  await weapp.open('pages/mall/index')
  await weapp.waitForText(gift.name)
  await weapp.settle()
  const mall = renderedElements(weapp)
  const cards = withClass(mall, 'gift-card')
  expect(cards.length).toBeGreaterThan(0)
  for (const card of cards) expect(card.aria['aria-role']).toBe('link')
  const pictures = withClass(mall, 'gift-card__img')
  expect(pictures.length).toBeGreaterThan(0)
  for (const picture of pictures) expect(picture.aria['aria-hidden']).toBe('true')
  expectHealthy(weapp)
})

test("a post's author avatar and pictures have names", async () => {
  weapp = await launch({ entry: 'packages/community/post/index?id=post-h1' })
  await weapp.waitForText('本月爆款 TOP3')
  await weapp.settle()
  const page = renderedElements(weapp)
  expect(withClass(page, 'author-line__avatar').map((element) => element.aria['aria-label'])).toContain(
    '莉娜 Lina的头像',
  )
  const pictures = withClass(page, 'image-grid__image').map((element) => element.aria['aria-label'])
  expect(pictures).toEqual(['查看大图 图片 1/3', '查看大图 图片 2/3', '查看大图 图片 3/3'])
  expectHealthy(weapp)
})
