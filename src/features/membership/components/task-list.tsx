import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import type { Task } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { formatPoints } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { routes } from '@/lib/routes'
import { communityRoutes } from '@/features/community/lib/community-routes'
import { distributionStatusQuery } from '@/features/distribution/api/rights-queries'
import { taskMessages } from '../messages/tasks'
import './task-list.scss'

/**
 * Where each task is done. Completion is judged by the server from what it saw, so a task button
 * only takes the member there; even self-reported ones (browsing the hot list) are reported by
 * the page where the act happens, never from here.
 */
const PAGE_FOR_ACTION: Record<Exclude<Task['action'], 'invite'>, string> = {
  checkin: routes.home,
  // Posting is done in the composer (a page, not a tab); commenting on the community tab's posts.
  post: communityRoutes.compose,
  comment: routes.community,
  browse_hot: routes.community,
  profile: routes.profile,
  redeem: routes.mall,
}

const SECTIONS: readonly Task['kind'][] = ['daily', 'once']

/** Daily and one-time tasks with their reward, progress and state, as the server saw them. */
export function TaskList({ tasks }: { tasks: readonly Task[] }) {
  const text = useMessages(taskMessages)
  return (
    <View className='task-list' data-testid='task-list'>
      {SECTIONS.map((kind) => {
        const items = tasks.filter((task) => task.kind === kind)
        if (items.length === 0) return null
        return (
          <View key={kind} className='task-list__section' data-testid={`task-section-${kind}`}>
            <View className='section-title'>
              <Text>{kind === 'daily' ? text.daily : text.once}</Text>
              <Text className='task-list__hint'>{kind === 'daily' ? text.dailyHint : text.onceHint}</Text>
            </View>
            <View className='task-list__items' role='list'>
              {items.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </View>
          </View>
        )
      })}
    </View>
  )
}

function TaskRow({ task }: { task: Task }) {
  const text = useMessages(taskMessages)
  const shown = Math.min(task.progress, task.target)
  const percent = task.isDone ? 100 : Math.floor((shown * 100) / task.target)
  return (
    <View
      className={`task-row ${task.isDone ? 'task-row--done' : ''}`}
      role='listitem'
      data-testid='task'
      data-action={task.action}
      data-done={task.isDone ? 'true' : 'false'}
    >
      <View className='task-row__main'>
        <Text className='task-row__title'>{task.title}</Text>
        <Text className='task-row__description'>{task.description}</Text>
        <View className='task-row__rewards'>
          {task.rewardPoints > 0 ? (
            <Text className='task-row__reward'>{text.rewardPoints(formatPoints(task.rewardPoints))}</Text>
          ) : null}
          {task.rewardGrowth > 0 ? (
            <Text className='task-row__reward task-row__reward--growth'>
              {text.rewardGrowth(formatPoints(task.rewardGrowth))}
            </Text>
          ) : null}
        </View>
        <View className='task-row__progress'>
          <View
            className='task-row__bar'
            role='progressbar'
            aria-valuemin={0}
            aria-valuemax={task.target}
            aria-valuenow={shown}
            aria-label={task.title}
          >
            <View className='task-row__bar-fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='task-row__count' data-testid='task-progress'>
            {text.progress(shown, task.target)}
          </Text>
        </View>
      </View>
      <View className='task-row__side'>
        <TaskAction task={task} />
      </View>
    </View>
  )
}

function TaskAction({ task }: { task: Task }) {
  const text = useMessages(taskMessages)
  if (task.isDone) {
    return (
      <Text className='task-row__done' data-testid='task-done'>
        ✓ {text.done}
      </Text>
    )
  }
  if (task.action === 'invite') return <InviteAction />
  const url = PAGE_FOR_ACTION[task.action]
  return (
    <ActionButton
      variant='secondary'
      testId='task-action'
      onTap={() => void (url.startsWith('/pages/') ? Taro.switchTab({ url }) : Taro.navigateTo({ url }))}
    >
      {text.actions[task.action]}
    </ActionButton>
  )
}

/**
 * A friend counts once they register through the member's referral code, and only a distributor has one: a
 * distributor goes to the referral card to share it; anyone else to 我的, where every way to the right is shown.
 */
function InviteAction() {
  const text = useMessages(taskMessages)
  const status = useQuery(distributionStatusQuery())
  if (status.data?.isDistributor) {
    return (
      <ActionButton
        variant='secondary'
        testId='task-action'
        onTap={() => void Taro.navigateTo({ url: routes.referralCard })}
      >
        {text.actions.invite}
      </ActionButton>
    )
  }
  return (
    <View className='task-row__soon'>
      <ActionButton
        variant='secondary'
        testId='task-action'
        isDisabled={!status.data}
        onTap={() => void Taro.switchTab({ url: routes.me })}
      >
        {text.actions.openRights}
      </ActionButton>
      <Text className='task-row__soon-text'>{text.inviteNeedsRights}</Text>
    </View>
  )
}
