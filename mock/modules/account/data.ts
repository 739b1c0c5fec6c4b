import type { Sql } from '../../platform/db'

// The account module's SQL: members, sessions (hashed tokens), SMS attempts and WeChat codes.

export type MemberRow = {
  id: string
  nickname: string
  nicknameSetByMember: boolean
  avatarUrl: string
  phone: string | null
  wechatOpenId: string | null
  growth: number
  pointsBalance: number
  birthday: string | null
  birthdayGiftYear: number | null
  celebratedLevel: string
  isDistributor: boolean
  referralCode: string | null
  signupRef: string | null
  createdAt: Date
}

const MEMBER_COLUMNS = `id, nickname, nickname_set_by_member AS "nicknameSetByMember", avatar_url AS "avatarUrl",
  phone, wechat_open_id AS "wechatOpenId", growth, points_balance AS "pointsBalance", birthday,
  birthday_gift_year AS "birthdayGiftYear", celebrated_level AS "celebratedLevel", is_distributor AS "isDistributor",
  referral_code AS "referralCode", signup_ref AS "signupRef", created_at AS "createdAt"`

export const memberById = async (sql: Sql, id: string, { forUpdate = false } = {}): Promise<MemberRow | null> => {
  const [row] = await sql.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  )
  return row ?? null
}

export const memberBy = async (
  sql: Sql,
  column: 'phone' | 'wechat_open_id',
  value: string,
): Promise<MemberRow | null> => {
  const [row] = await sql.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE ${column} = $1`, [value])
  return row ?? null
}

export const distributorByCode = async (sql: Sql, code: string): Promise<MemberRow | null> => {
  const [row] = await sql.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE upper(referral_code) = upper($1) AND is_distributor`,
    [code],
  )
  return row ?? null
}

export type NewMember = Pick<MemberRow, 'id' | 'nickname' | 'celebratedLevel'> &
  Partial<
    Pick<
      MemberRow,
      | 'nicknameSetByMember'
      | 'avatarUrl'
      | 'phone'
      | 'wechatOpenId'
      | 'birthday'
      | 'isDistributor'
      | 'referralCode'
      | 'signupRef'
    >
  > & {
    createdAt: number
  }

/** Answers null when the phone or openid is already taken (a concurrent first sign-in of the same person). */
export const insertMember = async (sql: Sql, member: NewMember): Promise<MemberRow | null> => {
  const [row] = await sql.query<MemberRow>(
    `INSERT INTO members (id, nickname, nickname_set_by_member, avatar_url, phone, wechat_open_id, birthday,
       celebrated_level, is_distributor, referral_code, signup_ref, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING ${MEMBER_COLUMNS}`,
    [
      member.id,
      member.nickname,
      member.nicknameSetByMember ?? false,
      member.avatarUrl ?? '',
      member.phone ?? null,
      member.wechatOpenId ?? null,
      member.birthday ?? null,
      member.celebratedLevel,
      member.isDistributor ?? false,
      member.referralCode ?? null,
      member.signupRef ?? null,
      new Date(member.createdAt),
    ],
  )
  return row ?? null
}

export type MemberChanges = Partial<
  Pick<
    MemberRow,
    | 'nickname'
    | 'nicknameSetByMember'
    | 'avatarUrl'
    | 'birthday'
    | 'birthdayGiftYear'
    | 'celebratedLevel'
    | 'isDistributor'
    | 'referralCode'
    | 'signupRef'
  >
>

const COLUMN_OF: Record<keyof MemberChanges, string> = {
  nickname: 'nickname',
  nicknameSetByMember: 'nickname_set_by_member',
  avatarUrl: 'avatar_url',
  birthday: 'birthday',
  birthdayGiftYear: 'birthday_gift_year',
  celebratedLevel: 'celebrated_level',
  isDistributor: 'is_distributor',
  referralCode: 'referral_code',
  signupRef: 'signup_ref',
}

export const updateMember = async (sql: Sql, id: string, changes: MemberChanges): Promise<MemberRow> => {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof MemberChanges, unknown][]
  const sets = entries.map(([key], index) => `${COLUMN_OF[key]} = $${index + 2}`)
  const [row] = await sql.query<MemberRow>(
    sets.length === 0
      ? `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`
      : `UPDATE members SET ${sets.join(', ')} WHERE id = $1 RETURNING ${MEMBER_COLUMNS}`,
    [id, ...entries.map(([, value]) => value)],
  )
  if (!row) throw new Error(`No member ${id}`)
  return row
}

export const addGrowth = async (sql: Sql, id: string, growth: number): Promise<number> => {
  const [row] = await sql.query<{ growth: number }>(
    `UPDATE members SET growth = growth + $2 WHERE id = $1 RETURNING growth`,
    [id, growth],
  )
  return row?.growth ?? 0
}

export const takeGrowth = async (sql: Sql, id: string, growth: number): Promise<void> => {
  await sql.query(`UPDATE members SET growth = GREATEST(growth - $2, 0) WHERE id = $1`, [id, growth])
}

export const insertSession = async (
  sql: Sql,
  tokenHash: string,
  memberId: string,
  createdAt: number,
  expiresAt: number,
) => {
  await sql.query(`INSERT INTO sessions (token_hash, member_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
    tokenHash,
    memberId,
    new Date(createdAt),
    new Date(expiresAt),
  ])
}

/** With `forUpdate`, only the member's row is locked: FOR UPDATE does not reach into the subquery's sessions. */
export const sessionMember = async (
  sql: Sql,
  tokenHash: string,
  nowMs: number,
  { forUpdate = false } = {},
): Promise<MemberRow | null> => {
  const [row] = await sql.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members
     WHERE id = (SELECT member_id FROM sessions WHERE token_hash = $1 AND expires_at > $2)${forUpdate ? ' FOR UPDATE' : ''}`,
    [tokenHash, new Date(nowMs)],
  )
  return row ?? null
}

export const deleteSession = async (sql: Sql, tokenHash: string): Promise<void> => {
  await sql.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash])
}

export type SmsAttempts = { lastSentAt: Date | null; wrongCodes: number; lockedUntil: Date | null }

/** The phone's row, locked, created when missing: concurrent sign-ins of one phone count one after another. */
export const lockSmsAttempts = async (sql: Sql, phone: string): Promise<SmsAttempts> => {
  await sql.query(`INSERT INTO sms_attempts (phone) VALUES ($1) ON CONFLICT DO NOTHING`, [phone])
  const [row] = await sql.query<SmsAttempts>(
    `SELECT last_sent_at AS "lastSentAt", wrong_codes AS "wrongCodes", locked_until AS "lockedUntil"
     FROM sms_attempts WHERE phone = $1 FOR UPDATE`,
    [phone],
  )
  if (!row) throw new Error('sms_attempts lost its row')
  return row
}

export const saveSmsAttempts = async (sql: Sql, phone: string, attempts: SmsAttempts): Promise<void> => {
  await sql.query(`UPDATE sms_attempts SET last_sent_at = $2, wrong_codes = $3, locked_until = $4 WHERE phone = $1`, [
    phone,
    attempts.lastSentAt,
    attempts.wrongCodes,
    attempts.lockedUntil,
  ])
}

export const memberOfWechatCode = async (sql: Sql, code: string): Promise<string | null> => {
  const [row] = await sql.query<{ memberId: string }>(
    `SELECT member_id AS "memberId" FROM wechat_codes WHERE code = $1`,
    [code],
  )
  return row?.memberId ?? null
}

export const saveWechatCode = async (sql: Sql, code: string, memberId: string): Promise<void> => {
  await sql.query(`INSERT INTO wechat_codes (code, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [code, memberId])
}
