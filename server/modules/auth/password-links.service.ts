import type { Db } from '#server/db/client.ts'
import { scopeRequestTo } from '#server/db/tenant-scope.ts'
import { accountRecords } from '#server/modules/accounts/index.ts'
import { addReferenceOrganisation, organisationIsEmpty } from '#server/modules/org/index.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { hashPassword, sha256 } from '#server/platform/crypto.ts'
import { type FieldError, invalid, notFound } from '#server/platform/errors.ts'

const LINK_GONE = 'このリンクは無効か、期限が切れています。管理者に新しいリンクの発行を依頼してください。'

export interface LinkInput {
  token: string
  loginId?: string
  name?: string
  password: string
  organisation?: 'reference' | 'empty'
}

/** A token is `<city>.<random>`; the store keeps sha256 of `<city>:<random>` only. */
function parseLinkToken(token: string): { tenantId: string; hash: string } {
  const dot = token.indexOf('.')
  if (dot <= 0) throw notFound(LINK_GONE)
  const tenantId = token.slice(0, dot)
  return { tenantId, hash: sha256(`${tenantId}:${token.slice(dot + 1)}`) }
}

/**
 * One-time links: the first administrator's setup and password (re)sets. The token never enters
 * a log, an audit row or an error message; describing a link does not use it, and using it is
 * one atomic UPDATE in the transaction that sets the password (see consumeToken).
 */
export function createPasswordLinkService(db: Db, clock: Clock) {
  async function findLink(token: string) {
    const { tenantId, hash } = parseLinkToken(token)
    // The link's city is in its token: the request sees that city's rows only.
    scopeRequestTo(tenantId)
    const link = await accountRecords.findLink(db, tenantId, hash)
    if (!link || link.usedAt || link.expiresAt.getTime() <= clock.now().getTime()) throw notFound(LINK_GONE)
    const account = link.accountId ? await accountRecords.byId(db, tenantId, link.accountId) : undefined
    return {
      tenantId,
      hash,
      accountId: link.accountId,
      purpose: link.purpose as 'first_admin' | 'reset',
      loginId: account?.loginId ?? null,
      name: account?.name ?? null,
    }
  }

  /** Field errors of a use, before anything is written (the link stays usable). */
  async function checkInput(
    link: Awaited<ReturnType<typeof findLink>>,
    input: LinkInput,
  ): Promise<FieldError[]> {
    // The strength checker's dictionaries hold ~40 MB once loaded: load them on the first password
    // set, not in every server and CLI process (most never set one).
    const { judgePassword, weakPasswordMessage } = await import('#shared/password-strength.ts')
    const errors: FieldError[] = []
    if (link.purpose === 'first_admin') {
      if (!input.loginId) errors.push({ field: 'loginId', message: 'ログインIDを入力してください' })
      if (!input.name) errors.push({ field: 'name', message: '氏名を入力してください' })
    }
    const loginId = link.loginId ?? input.loginId
    const verdict = judgePassword(input.password, [loginId, link.name ?? input.name, link.tenantId])
    if (!verdict.ok) errors.push({ field: 'password', message: weakPasswordMessage(verdict) })
    return errors
  }

  return {
    async describe(token: string) {
      const link = await findLink(token)
      const choosesOrganisation =
        link.purpose === 'first_admin' && (await organisationIsEmpty(db, link.tenantId))
      return { ...link, choosesOrganisation }
    },

    /** Sets the password behind a one-time link; for the first administrator, creates the account. */
    async use(input: LinkInput, clientAddress: string): Promise<void> {
      const link = await findLink(input.token)
      const errors = await checkInput(link, input)
      if (errors.length) throw invalid(errors)
      const passwordHash = await hashPassword(input.password)
      const now = clock.now()
      await db.transaction(async (tx) => {
        // Of concurrent uses of one link, only one gets past this line; the others answer 404.
        if (!(await accountRecords.consumeLink(tx, link.tenantId, link.hash, now))) throw notFound(LINK_GONE)
        let accountId = link.accountId
        if (link.purpose === 'first_admin') {
          if (await accountRecords.byLoginId(tx, link.tenantId, input.loginId!)) {
            throw invalid([{ field: 'loginId', message: 'このログインIDは既に使われています' }])
          }
          accountId = await accountRecords.createFirstAdmin(
            tx,
            link.tenantId,
            { loginId: input.loginId!, name: input.name!, passwordHash },
            now,
          )
          // A new city's organisation starts where its first administrator chose (setup page).
          if (input.organisation === 'reference' && (await organisationIsEmpty(tx, link.tenantId))) {
            await addReferenceOrganisation(tx, link.tenantId)
          }
        } else {
          await accountRecords.setPassword(tx, link.tenantId, accountId!, passwordHash, now)
        }
        await writeAnonymousAudit(
          tx,
          link.tenantId,
          now,
          { loginId: link.loginId ?? input.loginId ?? null, accountId, clientAddress },
          {
            action: link.purpose === 'first_admin' ? 'account.first_admin' : 'account.password_set',
            recordType: 'account',
            recordId: accountId ?? undefined,
          },
        )
      })
    },
  }
}

export type PasswordLinkService = ReturnType<typeof createPasswordLinkService>
