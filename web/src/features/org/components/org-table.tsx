import { Table, Th } from '#web/components/ui/table.tsx'
import { OrgItem, type OrgItemProps, type OrgItemValues } from './org-item.tsx'

export interface OrgTableProps<T extends OrgItemValues> {
  caption: string
  items: T[]
  /** What one item is called: 区・支所, 課・室 … */
  what: string
  /** Wards show their code in a first column. */
  codeOf?: (item: T) => string
  idBaseOf: (item: T) => string
  keyOf: (item: T) => string
  onSave: (item: T) => OrgItemProps['onSave']
  onDelete: (item: T) => OrgItemProps['onDelete']
}

/**
 * Wards or units as a table with aligned columns. Why some rows cannot be deleted is said once
 * above the table (and only when there are such rows), not repeated on every row.
 */
export function OrgTable<T extends OrgItemValues>({
  caption,
  items,
  what,
  codeOf,
  idBaseOf,
  keyOf,
  onSave,
  onDelete,
}: OrgTableProps<T>) {
  const columns = codeOf ? 5 : 4
  return (
    <>
      {items.some((i) => i.hasRecords) && (
        <p className="text-std-16N-170 text-solid-gray-800">
          削除ボタンのない{what}は、記録があるため削除できません。「変更」から無効にできます。
        </p>
      )}
      {/* Fixed column widths, so the wards' and the units' tables line up alike. */}
      <Table caption={caption} captionHidden>
        <thead>
          <tr>
            {codeOf && <Th className="w-48">区コード</Th>}
            <Th>名称</Th>
            <Th className="w-24 text-right">表示順</Th>
            <Th className="w-24">状態</Th>
            <Th className="w-48">操作</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <OrgItem
              key={keyOf(item)}
              idBase={idBaseOf(item)}
              item={item}
              code={codeOf?.(item)}
              what={what}
              columns={columns}
              onSave={onSave(item)}
              onDelete={onDelete(item)}
            />
          ))}
        </tbody>
      </Table>
    </>
  )
}
