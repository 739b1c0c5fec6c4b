import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { InfiniteList } from '@/components/infinite-list'
import { formatFen, formatServerTime } from '@/lib/format'
import { createIdempotencyKey, isApiError, isOutcomeUnknown } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { overviewQuery, useRequestWithdrawal, withdrawalsQuery } from '../api/kol-queries'
import { kolMessages } from '../kol-messages'
import './kol.scss'

/** "10" / "10.5" / "10.50" yuan to integer fen; null for anything else (no floats on money). */
export function parseYuan(input: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(input.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** A withdrawal request of settled commission (the server keeps the rules), and the history with states. */
export function WithdrawalPanel() {
  const text = useMessages(kolMessages)
  const locale = useLocale((state) => state.locale)
  const overview = useQuery(overviewQuery())
  const history = useInfiniteQuery(withdrawalsQuery())
  const withdraw = useRequestWithdrawal()
  const [amount, setAmount] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  // One key per intent: a retry of the same amount cannot pay twice.
  const intent = useRef<{ amountFen: number; key: string } | null>(null)
  const commission = overview.data?.commission
  // Why no request can go now, said before they try (the server refuses the same): one already in progress, or
  // less settled than the minimum (and what pending commission will add once it settles).
  const blocker =
    !overview.data || !commission
      ? null
      : commission.withdrawingFen > 0
        ? text.blockedByPending(formatFen(commission.withdrawingFen))
        : commission.withdrawableFen < overview.data.withdrawMinFen
          ? commission.pendingFen > 0 &&
            commission.withdrawableFen + commission.pendingFen < overview.data.withdrawMinFen
            ? text.blockedBelowMinimumAfterPending(
                formatFen(overview.data.withdrawMinFen),
                formatFen(commission.pendingFen),
              )
            : text.blockedBelowMinimum(
                formatFen(overview.data.withdrawMinFen),
                commission.pendingFen > 0 ? formatFen(commission.pendingFen) : null,
              )
          : null

  /** The server's refusal in words, with the figures it answered (they may have moved since the hint was read). */
  const refusalText = (error: unknown): string | null => {
    if (!isApiError(error)) return null
    const { reason, minFen, withdrawableFen } = error.details
    if (reason === 'below_minimum' && typeof minFen === 'number') return text.belowMinimum(formatFen(minFen))
    if (reason === 'above_withdrawable' && typeof withdrawableFen === 'number')
      return text.aboveWithdrawable(formatFen(withdrawableFen))
    if (reason === 'pending_exists') return text.pendingExists
    return null
  }

  const submit = () => {
    const amountFen = parseYuan(amount)
    if (amountFen === null) {
      setFailure(text.amountInvalid)
      return
    }
    // 0.00 is well formed (全部提现 with nothing left to withdraw): nothing to send. Nothing is left because a request
    // is still being processed, or nothing has settled yet: say which.
    if (amountFen === 0 && overview.data && commission) {
      setFailure(
        commission.withdrawingFen > 0 ? text.pendingExists : text.belowMinimum(formatFen(overview.data.withdrawMinFen)),
      )
      return
    }
    if (intent.current?.amountFen !== amountFen) intent.current = { amountFen, key: createIdempotencyKey() }
    setFailure(null)
    withdraw.mutate(
      { amountFen, idempotencyKey: intent.current.key },
      {
        onSuccess: (withdrawal) => {
          intent.current = null
          setAmount('')
          void Taro.showToast({ title: text.withdrawalRequested(formatFen(withdrawal.amountFen)), icon: 'none' })
        },
        onError: (error) => {
          // No answer came (a timeout, a dropped connection, a 5xx): it may have been taken. The same amount keeps its
          // key, so asking again replays it instead of asking twice; the history (refetched) shows it if it was.
          if (isOutcomeUnknown(error)) {
            setFailure(text.withdrawalUnknown)
            return
          }
          intent.current = null
          setFailure(refusalText(error) ?? describeError(error, locale))
        },
      },
    )
  }

  return (
    <View className='kol-lists' data-testid='withdrawal-panel'>
      <View className='kol-section'>
        <Text className='kol-section__title'>{text.withdrawTitle}</Text>
        {overview.data && commission ? (
          <Text className='kol-muted' data-testid='withdraw-hint'>
            {text.withdrawHint(formatFen(overview.data.withdrawMinFen), formatFen(commission.withdrawableFen))}
          </Text>
        ) : null}
        {blocker ? (
          <Text className='kol-muted' data-testid='withdraw-blocker'>
            {blocker}
          </Text>
        ) : null}
        <View className='kol-row'>
          <Input
            className='kol-input'
            data-testid='withdraw-amount-input'
            aria-label={text.amountLabel}
            type='digit'
            maxlength={10}
            placeholder={text.amountPlaceholder}
            value={amount}
            onInput={(event) => setAmount(event.detail.value)}
          />
          {commission ? (
            <ActionButton
              variant='text'
              testId='withdraw-all'
              onTap={() => setAmount((commission.withdrawableFen / 100).toFixed(2))}
            >
              {text.withdrawAll}
            </ActionButton>
          ) : null}
        </View>
        {failure ? (
          <View className='kol-error' role='alert' data-testid='withdraw-error'>
            {failure}
          </View>
        ) : null}
        <ActionButton isBlock testId='withdraw-submit' isDisabled={!amount} isBusy={withdraw.isPending} onTap={submit}>
          {text.submitWithdrawal}
        </ActionButton>
      </View>
      <Text className='kol-section__title kol-lists__heading'>{text.withdrawalsHistory}</Text>
      <InfiniteList query={history} emptyTitle={text.withdrawalsEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((withdrawal) => (
              <View key={withdrawal.id} className='kol-card' data-testid={`withdrawal-${withdrawal.id}`}>
                <View className='kol-row'>
                  <Text className='kol-amount'>{formatFen(withdrawal.amountFen)}</Text>
                  <Text className={`kol-badge kol-badge--${withdrawal.status}`} data-testid='withdrawal-status'>
                    {text.withdrawalStatus[withdrawal.status]}
                  </Text>
                </View>
                <Text className='kol-muted'>{text.requestedAt(formatServerTime(withdrawal.requestedAt))}</Text>
                {withdrawal.decidedAt ? (
                  <Text className='kol-muted' data-testid='withdrawal-decided'>
                    {withdrawal.status === 'paid'
                      ? text.paidAt(formatServerTime(withdrawal.decidedAt))
                      : withdrawal.status === 'rejected'
                        ? text.rejectedAt(formatServerTime(withdrawal.decidedAt))
                        : text.decidedAt(formatServerTime(withdrawal.decidedAt))}
                  </Text>
                ) : null}
                {withdrawal.rejectReason ? <Text className='kol-reason'>{withdrawal.rejectReason}</Text> : null}
                {/* A rejected request's money was never paid out: it is withdrawable again, not gone. */}
                {withdrawal.status === 'rejected' ? (
                  <Text className='kol-muted' data-testid='withdrawal-returned'>
                    {text.rejectedReturned(formatFen(withdrawal.amountFen))}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </InfiniteList>
    </View>
  )
}
