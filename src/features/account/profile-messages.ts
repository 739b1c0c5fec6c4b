import { defineMessages } from '@/lib/i18n'

// The profile page's words (subpackage): apart from accountMessages, so the tabs do not load them.
export const profileMessages = defineMessages({
  'zh-CN': {
    title: '编辑资料',
    nicknameLabel: '昵称',
    nicknamePlaceholder: '给自己起个昵称',
    nicknameCount: (length: number, max: number) => `${length}/${max}`,
    save: '保存',
    saved: '昵称已保存',
    problems: {
      empty: '请填写昵称',
      'too-long': '昵称最多 20 个字',
      'control-characters': '昵称不能包含换行、制表符等特殊字符',
      refused: '这个昵称不能使用，请换一个',
    },
  },
  en: {
    title: 'Edit profile',
    nicknameLabel: 'Nickname',
    nicknamePlaceholder: 'Choose a nickname',
    nicknameCount: (length: number, max: number) => `${length}/${max}`,
    save: 'Save',
    saved: 'Nickname saved',
    problems: {
      empty: 'Enter a nickname',
      'too-long': 'A nickname has at most 20 characters',
      'control-characters': 'A nickname cannot contain line breaks, tabs or other special characters',
      refused: 'This nickname cannot be used. Try another one.',
    },
  },
})
