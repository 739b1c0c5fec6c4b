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
    avatarLabel: '头像',
    avatarOf: (nickname: string) => `${nickname}的头像`,
    changeAvatar: '更换头像',
    avatarUploading: '正在上传…',
    avatarSaved: '头像已更换',
    avatarProblems: {
      tooLarge: '图片超过 5 MB，请换一张',
      notImage: '只能用 JPEG、PNG 或 WebP 图片作头像',
      network: '网络不通，头像没有换成，请检查网络后重试',
      timeout: '上传超时，头像没有换成，请在网络好一些时重试',
      refused: '这张图片不能用作头像，请换一张',
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
    avatarLabel: 'Avatar',
    avatarOf: (nickname: string) => `${nickname}'s avatar`,
    changeAvatar: 'Change avatar',
    avatarUploading: 'Uploading…',
    avatarSaved: 'Avatar changed',
    avatarProblems: {
      tooLarge: 'The photo is over 5 MB; choose another',
      notImage: 'Only a JPEG, PNG or WebP photo can be an avatar',
      network: 'No connection: the avatar was not changed. Check the network and retry',
      timeout: 'The upload timed out: the avatar was not changed. Retry on a better connection',
      refused: 'This picture cannot be used as an avatar; choose another',
    },
  },
})
