import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Input, Text, View } from '@tarojs/components'
import type { ApplyRequest } from '@/contract/distribution'
import { ActionButton } from '@/components/action-button'
import { describeError, defineMessages, useLocale, useMessages } from '@/lib/i18n'
import { formatServerTime } from '@/lib/format'
import { isApiError } from '@/lib/http'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { distributionStatusQuery, useApplyForDistribution } from '../api/rights-queries'
import { kolRoutes } from '../lib/kol-routes'
import { isSignedInNow } from '../lib/signed-in-now'
import './rights-card.scss'

// Its own few strings: the 我的 tab loads this, not the KOL center's messages.
const rightsMessages = defineMessages({
  'zh-CN': {
    title: '分销达人',
    isDistributor: '你已开通分销，去达人中心看看粉丝和佣金',
    openCenter: '达人中心',
    notYet: '开通分销后，好友通过你的分享下单，你可获得佣金。任选一种方式开通：',
    inviteTitle: '输入达人邀请码',
    invitePlaceholder: '运营发放的邀请码',
    inviteSubmit: '开通',
    taskTitle: '完成任务',
    taskProgress: (streak: number, target: number, level: string, levelTarget: string) =>
      `连续签到 ${streak}/${target} 天 · 等级 ${level}（需 ${levelTarget}）`,
    taskClaim: '领取分销权限',
    taskNotMet: '未完成',
    applyTitle: '提交申请',
    applyHint: '运营审核通过后自动开通',
    applySubmit: '申请开通',
    applyPending: (time: string) => `审核中，预计 ${time} 前答复`,
    applyRejected: (reason: string) => `申请未通过：${reason}`,
    granted: '已开通分销权限',
    refusals: {
      already_distributor: '你已经是分销达人了',
      route_closed: '这种开通方式暂未开放',
      code_invalid: '邀请码不存在、已过期或已用完，请核对后再试',
      task_not_met: '任务还没有完成',
      application_pending: '你的申请正在审核中',
    } as Record<string, string>,
  },
  en: {
    title: 'Distribution',
    isDistributor: 'You can distribute: see your fans and commission',
    openCenter: 'KOL center',
    notYet: 'Earn commission when friends buy through your shares. Get the right any of these ways:',
    inviteTitle: 'Enter a KOL invite code',
    invitePlaceholder: 'Invite code from the operator',
    inviteSubmit: 'Apply',
    taskTitle: 'Complete the task',
    taskProgress: (streak: number, target: number, level: string, levelTarget: string) =>
      `Streak ${streak}/${target} days · level ${level} (needs ${levelTarget})`,
    taskClaim: 'Claim',
    taskNotMet: 'Not yet',
    applyTitle: 'Apply',
    applyHint: 'The operator reviews it',
    applySubmit: 'Apply',
    applyPending: (time: string) => `Under review, answer by ${time}`,
    applyRejected: (reason: string) => `Rejected: ${reason}`,
    granted: 'Distribution rights granted',
    refusals: {
      already_distributor: 'You already distribute',
      route_closed: 'This way is closed',
      code_invalid: 'No such invite code, or it expired or is used up',
      task_not_met: 'The task is not complete yet',
      application_pending: 'Your application is under review',
    } as Record<string, string>,
  },
})

/** On 我的: whether I can distribute and every way to get the right; once I can, the way into the KOL center. */
export function RightsCard() {
  const text = useMessages(rightsMessages)
  const locale = useLocale((state) => state.locale)
  const isSignedIn = useSession(selectIsSignedIn)
  const status = useQuery(distributionStatusQuery(isSignedInNow))
  const apply = useApplyForDistribution()
  const [code, setCode] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const send = {
    isPending: apply.isPending,
    mutate: (body: ApplyRequest) => {
      setFailure(null)
      apply.mutate(body, {
        onSuccess: (answer) => {
          if (answer.isDistributor) void Taro.showToast({ title: text.granted, icon: 'none' })
        },
        onError: (error) => {
          const reason = isApiError(error) ? error.details.reason : undefined
          setFailure((typeof reason === 'string' && text.refusals[reason]) || describeError(error, locale))
        },
      })
    },
  }
  const data = status.data
  if (!data || !isSignedIn) return null
  if (data.isDistributor) {
    return (
      <View
        className='rights-card rights-card--granted'
        hoverClass='rights-card--pressed'
        role='link'
        tabIndex={0}
        data-testid='rights-card'
        onClick={() => void Taro.navigateTo({ url: kolRoutes.center })}
      >
        <View className='rights-card__row'>
          <Text className='rights-card__title'>{text.title}</Text>
          <Text className='rights-card__link' data-testid='rights-open-center'>
            {text.openCenter} ›
          </Text>
        </View>
        <Text className='rights-card__hint'>{text.isDistributor}</Text>
      </View>
    )
  }
  const { task, application, inviteCode } = data
  return (
    <View className='rights-card' data-testid='rights-card'>
      <Text className='rights-card__title'>{text.title}</Text>
      <Text className='rights-card__hint'>{text.notYet}</Text>
      {inviteCode.isOpen ? (
        <View className='rights-card__way'>
          <Text className='rights-card__way-title'>{text.inviteTitle}</Text>
          <View className='rights-card__row'>
            <Input
              className='rights-card__input'
              data-testid='rights-invite-input'
              aria-label={text.inviteTitle}
              maxlength={20}
              placeholder={text.invitePlaceholder}
              value={code}
              onInput={(event) => setCode(event.detail.value)}
            />
            <ActionButton
              testId='rights-invite-submit'
              isDisabled={code.trim().length < 4}
              isBusy={send.isPending}
              onTap={() => send.mutate({ route: 'invite_code', code: code.trim() })}
            >
              {text.inviteSubmit}
            </ActionButton>
          </View>
        </View>
      ) : null}
      {task.isOpen ? (
        <View className='rights-card__way'>
          <Text className='rights-card__way-title'>{text.taskTitle}</Text>
          <View className='rights-card__row'>
            <Text className='rights-card__hint' data-testid='rights-task-progress'>
              {text.taskProgress(task.streak.current, task.streak.target, task.level.current, task.level.target)}
            </Text>
            <ActionButton
              variant='secondary'
              testId='rights-task-claim'
              isDisabled={!task.isMet}
              isBusy={send.isPending}
              onTap={() => send.mutate({ route: 'task' })}
            >
              {task.isMet ? text.taskClaim : text.taskNotMet}
            </ActionButton>
          </View>
        </View>
      ) : null}
      {application.isOpen ? (
        <View className='rights-card__way'>
          <Text className='rights-card__way-title'>{text.applyTitle}</Text>
          <View className='rights-card__row'>
            <Text className='rights-card__hint' data-testid='rights-application-state'>
              {application.state === 'pending' && application.decidesAt
                ? text.applyPending(formatServerTime(application.decidesAt))
                : application.state === 'rejected'
                  ? text.applyRejected(application.rejectReason ?? '')
                  : text.applyHint}
            </Text>
            {application.state === 'pending' ? null : (
              <ActionButton
                variant='secondary'
                testId='rights-apply'
                isBusy={send.isPending}
                onTap={() => send.mutate({ route: 'application' })}
              >
                {text.applySubmit}
              </ActionButton>
            )}
          </View>
        </View>
      ) : null}
      {failure ? (
        <View className='rights-card__error' role='alert' data-testid='rights-error'>
          {failure}
        </View>
      ) : null}
    </View>
  )
}
