import { defineMessages } from '@/lib/i18n'

export const accountMessages = defineMessages({
  'zh-CN': {
    signInTitle: '登录',
    signInSubtitle: '登录后签到领积分、兑换好礼',
    phoneLabel: '手机号',
    phonePlaceholder: '请输入手机号',
    codeLabel: '验证码',
    codePlaceholder: '6 位验证码',
    sendCode: '获取验证码',
    resendIn: (seconds: number) => `${seconds} 秒后重发`,
    codeSent: '验证码已发送',
    submit: '登录',
    wechatSignIn: '微信一键登录',
    orPhone: '使用手机号登录',
    phoneInvalid: '请输入 11 位手机号',
    codeInvalid: '请输入 6 位验证码',
    referralNotice: (code: string) => `通过好友邀请（${code}）来到这里，登录后自动关联`,
    signedInAs: (name: string) => `欢迎，${name}`,
  },
  en: {
    signInTitle: 'Sign in',
    signInSubtitle: 'Sign in to check in, earn points and redeem gifts',
    phoneLabel: 'Mobile number',
    phonePlaceholder: 'Your mobile number',
    codeLabel: 'Code',
    codePlaceholder: '6-digit code',
    sendCode: 'Get code',
    resendIn: (seconds: number) => `Resend in ${seconds}s`,
    codeSent: 'Code sent',
    submit: 'Sign in',
    wechatSignIn: 'Sign in with WeChat',
    orPhone: 'Use mobile number',
    phoneInvalid: 'Enter an 11-digit mobile number',
    codeInvalid: 'Enter the 6-digit code',
    referralNotice: (code: string) => `Invited by a friend (${code}): linked when you sign in`,
    signedInAs: (name: string) => `Welcome, ${name}`,
  },
})

export const settingsMessages = defineMessages({
  'zh-CN': { title: '我的', language: '语言', server: '服务地址' },
  en: { title: 'Me', language: 'Language', server: 'Server' },
})
