import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { ActionButton } from '@/components/action-button'
import { apiBase } from '@/lib/env'
import { formatServerTime } from '@/lib/format'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { meQuery } from '@/features/account/api/account-queries'
import { selectIsSignedIn, useSession } from '@/stores/session'
import {
  configFindingsQuery,
  mockClockQuery,
  personasQuery,
  usePreviewAction,
  type PreviewAction,
} from '../api/preview-queries'
import { tellPreviewPage, usePreviewLink } from '../lib/preview-link'
import { previewMessages } from '../messages'
import { ReviewQueue } from './review-queue'
import './preview-console.scss'

/** Marks the console in built files: check:h5 and check:weapp make sure no production build contains it. */
export const PREVIEW_CONSOLE_MARKER = 'fanloop-preview-console'

const isWholeNumber = (text: string): boolean => /^-?\d{1,7}$/.test(text.trim())

/**
 * The operator's preview console (non-production builds only: see preview-entry.ts): be any persona or a
 * visitor, move the mock clock, reset the data, grant points or growth, set a gift's stock, review what reports
 * hid. Every action is
 * done by the server and every query is then refreshed, so the page underneath shows the new state at once.
 */
export function PreviewConsole() {
  const text = useMessages(previewMessages)
  const [isOpen, setIsOpen] = useState(false)
  const queryClient = useQueryClient()
  const action = usePreviewAction()
  // Driven by the desktop preview page when the app is in one of its phone frames.
  usePreviewLink((next) => (next === 'refresh' ? queryClient.resetQueries() : action.mutateAsync(next)))
  return (
    <View className={PREVIEW_CONSOLE_MARKER}>
      {isOpen ? (
        <PreviewPanel onClose={() => setIsOpen(false)} />
      ) : (
        <View
          className='preview-console__entry'
          role='button'
          aria-label={text.open}
          data-testid='preview-console-open'
          onClick={() => setIsOpen(true)}
        >
          <Text>{text.entry}</Text>
        </View>
      )}
    </View>
  )
}

function PreviewPanel({ onClose }: { onClose: () => void }) {
  const text = useMessages(previewMessages)
  const locale = useLocale((state) => state.locale)
  const clock = useQuery(mockClockQuery())
  const personas = useQuery(personasQuery())
  const findings = useQuery(configFindingsQuery())
  const isSignedIn = useSession(selectIsSignedIn)
  const action = usePreviewAction()
  const [date, setDate] = useState('')
  const [points, setPoints] = useState('')
  const [growth, setGrowth] = useState('')
  const [giftId, setGiftId] = useState('')
  const [stock, setStock] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  // Who the app is now, from the session itself (not from the last tap here): right after the panel is closed and
  // opened again, after the desktop preview page switched this phone, after a sign-in or sign-out in the app.
  const me = useQuery({ ...meQuery(), enabled: isSignedIn })
  const current = isSignedIn
    ? (personas.data?.items.find((persona) => persona.memberId === me.data?.id)?.id ?? null)
    : 'visitor'

  const run = (next: PreviewAction, onDone?: () => void) => {
    setProblem(null)
    action.mutate(next, {
      onSuccess: () => {
        onDone?.()
        // In a frame of the desktop preview page: it shows this phone's persona and the day, and the other phone
        // follows a change of the shared data or clock.
        tellPreviewPage(next)
        void Taro.showToast({ title: text.done, icon: 'success' })
      },
      onError: (error) => setProblem(describeError(error, locale)),
    })
  }

  const goToDate = () => {
    const offset = clock.data?.now.slice(19) ?? '+08:00'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return setProblem(text.badDate)
    // 09:00 on that day in the brand's time zone: a normal morning, the day's check-in still open.
    run({ kind: 'clock', set: `${date.trim()}T09:00:00${offset}` })
  }

  const grant = () => {
    if (!isSignedIn) return setProblem(text.grantNeedsMember)
    if ((points && !isWholeNumber(points)) || (growth && !isWholeNumber(growth)) || (!points && !growth))
      return setProblem(text.badNumber)
    // The server takes no growth below zero (a level is never taken back): say so here, not as a bare 400.
    if (growth && Number(growth) < 0) return setProblem(text.badGrowth)
    run(
      { kind: 'grant', points: points ? Number(points) : undefined, growth: growth ? Number(growth) : undefined },
      () => {
        setPoints('')
        setGrowth('')
      },
    )
  }

  const setGiftStock = () => {
    if (!giftId.trim() || !/^\d{1,7}$/.test(stock.trim())) return setProblem(text.badNumber)
    run({ kind: 'gift-stock', giftId: giftId.trim(), stock: Number(stock) })
  }

  const reset = () => {
    void Taro.showModal({ title: text.reset, content: text.resetConfirm }).then(({ confirm }) => {
      if (confirm) run({ kind: 'reset' })
    })
  }

  return (
    <View className='preview-console__panel' role='dialog' aria-label={text.title} data-testid='preview-console'>
      <View className='preview-console__header'>
        <Text className='preview-console__title'>{text.title}</Text>
        <View className='preview-console__close' role='button' aria-label={text.close} onClick={onClose}>
          <Text>×</Text>
        </View>
      </View>

      <View className='preview-console__section'>
        <Text className='preview-console__label'>{text.serverTime}</Text>
        <Text className='preview-console__time' data-testid='preview-server-time'>
          {clock.data ? formatServerTime(clock.data.now) : '…'}
        </Text>
        {/* Which API this build talks to (TARO_APP_API_BASE): shown to operators here, not to members on 我的. */}
        <Text className='preview-console__label' data-testid='preview-api-base'>
          {text.apiBase(apiBase)}
        </Text>
        <View className='preview-console__row'>
          <ActionButton
            variant='secondary'
            testId='preview-plus-hour'
            isBusy={action.isPending}
            onTap={() => run({ kind: 'clock', advanceHours: 1 })}
          >
            {text.plusHour}
          </ActionButton>
          <ActionButton
            variant='secondary'
            testId='preview-plus-day'
            isBusy={action.isPending}
            onTap={() => run({ kind: 'clock', advanceDays: 1 })}
          >
            {text.plusDay}
          </ActionButton>
          <ActionButton
            variant='secondary'
            testId='preview-plus-week'
            isBusy={action.isPending}
            onTap={() => run({ kind: 'clock', advanceDays: 7 })}
          >
            {text.plusWeek}
          </ActionButton>
        </View>
        <View className='preview-console__row'>
          <ConsoleField
            testId='preview-date-input'
            label={text.toDate}
            placeholder={text.datePlaceholder}
            value={date}
            onChange={setDate}
          />
          <ActionButton variant='text' testId='preview-go-to-date' isBusy={action.isPending} onTap={goToDate}>
            {text.toDate}
          </ActionButton>
        </View>
      </View>

      <View className='preview-console__section'>
        <Text className='preview-console__label'>{text.personas}</Text>
        {(personas.data?.items ?? []).map((persona) => (
          <View
            key={persona.id}
            className={`preview-console__persona ${current === persona.id ? 'preview-console__persona--current' : ''}`}
            role='button'
            aria-label={persona.title}
            data-testid={`preview-persona-${persona.id}`}
            onClick={() => run({ kind: 'persona', id: persona.id })}
          >
            <Text className='preview-console__persona-title'>
              {persona.title}
              {current === persona.id ? ` · ${text.current}` : ''}
            </Text>
            <Text className='preview-console__persona-description'>{persona.description}</Text>
          </View>
        ))}
        <View
          className={`preview-console__persona ${current === 'visitor' ? 'preview-console__persona--current' : ''}`}
          role='button'
          aria-label={text.visitor}
          data-testid='preview-persona-visitor'
          onClick={() => run({ kind: 'visitor' })}
        >
          <Text className='preview-console__persona-title'>
            {text.visitor}
            {current === 'visitor' ? ` · ${text.current}` : ''}
          </Text>
        </View>
      </View>

      <View className='preview-console__section'>
        <Text className='preview-console__label'>{text.data}</Text>
        <View className='preview-console__row'>
          <ConsoleField testId='preview-points-input' label={text.grantPoints} value={points} onChange={setPoints} />
          <ConsoleField testId='preview-growth-input' label={text.grantGrowth} value={growth} onChange={setGrowth} />
          <ActionButton variant='text' testId='preview-grant' isBusy={action.isPending} onTap={grant}>
            {text.grant}
          </ActionButton>
        </View>
        <View className='preview-console__row'>
          <ConsoleField testId='preview-gift-input' label={text.giftId} value={giftId} onChange={setGiftId} />
          <ConsoleField testId='preview-stock-input' label={text.stock} isShort value={stock} onChange={setStock} />
          <ActionButton variant='text' testId='preview-set-stock' isBusy={action.isPending} onTap={setGiftStock}>
            {text.setStock}
          </ActionButton>
        </View>
        <ActionButton variant='secondary' isBlock testId='preview-reset' isBusy={action.isPending} onTap={reset}>
          {text.reset}
        </ActionButton>
      </View>

      <ReviewQueue isBusy={action.isPending} onDecided={(decision) => run(decision)} />

      <View className='preview-console__section' data-testid='preview-config-findings'>
        <Text className='preview-console__label'>{text.config}</Text>
        {findings.data && findings.data.findings.length === 0 ? (
          <Text className='preview-console__note'>{text.configClean}</Text>
        ) : null}
        {(findings.data?.findings ?? []).map((finding) => (
          <Text key={finding.setting} className='preview-console__note'>
            {`${finding.setting}: ${finding.rule} ${finding.alternative}`}
          </Text>
        ))}
      </View>

      {problem ? (
        <View className='preview-console__problem' role='alert' data-testid='preview-problem'>
          <Text>{problem}</Text>
        </View>
      ) : null}
    </View>
  )
}

type ConsoleFieldProps = {
  testId: string
  /** Its accessible name, and its placeholder unless one is given. */
  label: string
  placeholder?: string
  value: string
  onChange: (value: string) => void
  isShort?: boolean
}

function ConsoleField({ testId, label, placeholder, value, onChange, isShort }: ConsoleFieldProps) {
  return (
    <Input
      className={`preview-console__input${isShort ? ' preview-console__input--short' : ''}`}
      data-testid={testId}
      aria-label={label}
      placeholder={placeholder ?? label}
      value={value}
      onInput={(event) => onChange(event.detail.value)}
    />
  )
}
