import { Link } from '@tanstack/react-router'
import { labelOf, ROLES } from '#shared/codes.ts'
import type { Account } from '#shared/contracts/accounts.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'

function stateText(a: Account): string {
  const parts = [a.active ? '有効' : '無効']
  if (a.locked) parts.push('ロック中')
  if (!a.hasPassword) parts.push('パスワード未設定')
  return parts.join('・')
}

export function AccountTable({ accounts }: { accounts: Account[] }) {
  return (
    <Table caption="アカウント一覧" captionHidden>
      <thead>
        <tr>
          <Th>氏名</Th>
          <Th>ログインID</Th>
          <Th>役割</Th>
          <Th>所属</Th>
          <Th>状態</Th>
        </tr>
      </thead>
      <tbody>
        {accounts.length === 0 && <EmptyRow colSpan={5}>条件に合うアカウントはありません。</EmptyRow>}
        {accounts.map((a) => (
          <tr key={a.id}>
            <Td>
              <Link to="/admin/accounts/$id" params={{ id: a.id }}>
                {a.name}
              </Link>
            </Td>
            <Td className="font-mono">{a.loginId}</Td>
            <Td>{labelOf(ROLES, a.role)}</Td>
            <Td>{a.unit.name}</Td>
            <Td>{stateText(a)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
