import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import type { Certificate } from '@/contract/certificate'
import { ActionButton } from '@/components/action-button'
import { EmptyState, ErrorState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { formatServerTime } from '@/lib/format'
import { isApiError } from '@/lib/http'
import { useMessages } from '@/lib/i18n'
import { challengeMessages } from '../challenge-messages'
import { certificateQuery, certificatesQuery } from '../api/challenge-queries'
import { communityRoutes } from '../lib/community-routes'
import './challenge-pinned.scss'
import './challenge.scss'

const openCertificate = (code: string) =>
  void Taro.navigateTo({ url: `${communityRoutes.certificate}?code=${encodeURIComponent(code)}` })

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const text = useMessages(challengeMessages)
  return (
    <View className='certificate' data-testid='certificate' data-code={certificate.code}>
      <Text className='certificate__heading'>{text.certificateTitle}</Text>
      <Text className='certificate__title' data-testid='certificate-title'>
        {certificate.title}
      </Text>
      <View className='certificate__row'>
        <Text className='certificate__label'>{text.holder}</Text>
        <Text data-testid='certificate-holder'>{certificate.holderNickname}</Text>
      </View>
      <View className='certificate__row'>
        <Text className='certificate__label'>{text.dates}</Text>
        <Text data-testid='certificate-dates'>
          {certificate.startsOn} – {certificate.endsOn}
        </Text>
      </View>
      <View className='certificate__row'>
        <Text className='certificate__label'>{text.issuedAt}</Text>
        <Text>{formatServerTime(certificate.issuedAt)}</Text>
      </View>
      <View className='certificate__row'>
        <Text className='certificate__label'>{text.code}</Text>
        <Text className='certificate__code' data-testid='certificate-code'>
          {certificate.code}
        </Text>
      </View>
      {certificate.valid ? (
        <View role='status'>
          <Text className='certificate__verified' data-testid='certificate-verified'>
            {text.verified}
          </Text>
        </View>
      ) : (
        <View role='status'>
          <Text className='certificate__expired' data-testid='certificate-expired'>
            {text.expired(certificate.endsOn)}
          </Text>
        </View>
      )}
    </View>
  )
}

/** Anyone can type a code and have the server confirm it. */
function VerifyForm({ initial }: { initial: string }) {
  const text = useMessages(challengeMessages)
  const [code, setCode] = useState(initial)
  return (
    <View className='certificate-verify'>
      <Text>{text.verifyLabel}</Text>
      <Input
        className='certificate-verify__input'
        value={code}
        placeholder={text.verifyPlaceholder}
        maxlength={20}
        aria-label={text.verifyLabel}
        data-testid='certificate-code-input'
        onInput={(event) => setCode(event.detail.value)}
      />
      <ActionButton
        variant='secondary'
        testId='certificate-verify'
        isDisabled={code.trim() === ''}
        onTap={() =>
          void Taro.redirectTo({ url: `${communityRoutes.certificate}?code=${encodeURIComponent(code.trim())}` })
        }
      >
        {text.verify}
      </ActionButton>
    </View>
  )
}

/** One certificate as the server confirms it right now (GET /certificates/{code}), or why it cannot. */
export function CertificateVerification({ code }: { code: string }) {
  const text = useMessages(challengeMessages)
  const certificate = useQuery({ ...certificateQuery(code), enabled: code !== '' })
  return (
    <View data-testid='certificate-verification'>
      {code === '' ? null : certificate.data ? (
        <CertificateCard certificate={certificate.data} />
      ) : certificate.isError ? (
        isApiError(certificate.error) && certificate.error.kind === 'not-found' ? (
          <EmptyState title={text.notFound} />
        ) : (
          <ErrorState error={certificate.error} onRetry={() => void certificate.refetch()} />
        )
      ) : (
        <Skeleton rows={4} />
      )}
      <VerifyForm initial={code} />
    </View>
  )
}

/** The member's certificates, each opening its verified page. */
export function CertificateList() {
  const text = useMessages(challengeMessages)
  const certificates = useQuery(certificatesQuery())
  return (
    <QueryState
      query={certificates}
      isEmpty={(data) => data.items.length === 0}
      empty={<EmptyState title={text.certificatesEmpty} />}
    >
      {(data) => (
        <View data-testid='certificate-list'>
          {data.items.map((item) => (
            <View
              key={item.code}
              className='certificate-row'
              hoverClass='certificate-row--pressed'
              role='link'
              tabIndex={0}
              data-testid='certificate-row'
              onClick={() => openCertificate(item.code)}
            >
              <Text className='challenge__title'>{item.title}</Text>
              <Text className='challenge__meta'>
                {item.startsOn} – {item.endsOn} · {item.code}
              </Text>
            </View>
          ))}
        </View>
      )}
    </QueryState>
  )
}
