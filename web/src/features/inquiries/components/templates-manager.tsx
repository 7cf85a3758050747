import { type FormEvent, useState } from 'react'
import { type InquiryTemplate, REPLY_MAX, TEMPLATE_TITLE_MAX } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useCreateTemplate } from '../api/create-template.ts'
import { useInquiryTemplates } from '../api/list-templates.ts'
import { useUpdateTemplate } from '../api/update-template.ts'
import { inquiryErrorsFrom } from '../inquiry-errors.ts'

const labels = { title: '件名', body: '本文', sortOrder: '表示順' } as const

/** One form for a new template or an existing one; `template` absent means new. */
function TemplateForm({
  template,
  onDone,
  onCancel,
}: {
  template?: InquiryTemplate
  onDone: (message: string) => void
  onCancel?: () => void
}) {
  const prefix = template ? `template-${template.id}` : 'template-new'
  const idOf = (field: string) => `${prefix}-${field}`
  const [title, setTitle] = useState(template?.title ?? '')
  const [body, setBody] = useState(template?.body ?? '')
  const [sortOrder, setSortOrder] = useState(String(template?.sortOrder ?? 0))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const create = useCreateTemplate()
  const update = useUpdateTemplate()
  const busy = create.isPending || update.isPending

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    const values = { title, body, sortOrder: sortOrder as never }
    const options = {
      onSuccess: () => {
        if (!template) {
          setTitle('')
          setBody('')
          setSortOrder('0')
        }
        onDone(
          template
            ? `定型文「${title.trim()}」を保存しました。`
            : `定型文「${title.trim()}」を登録しました。`,
        )
      },
      onError: (error: unknown) => setErrors(inquiryErrorsFrom(error, Object.keys(labels))),
    }
    if (template) update.mutate({ id: template.id, body: values }, options)
    else create.mutate(values, options)
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <TextField
        id={idOf('title')}
        label={labels.title}
        required
        support={`返信の画面で選ぶときの名前（${TEMPLATE_TITLE_MAX}文字以内）`}
        autoComplete="off"
        value={title}
        onValueChange={setTitle}
        error={errors.fields.title}
      />
      <TextareaField
        id={idOf('body')}
        label={labels.body}
        required
        rows={6}
        maxLength={REPLY_MAX}
        value={body}
        onValueChange={setBody}
        error={errors.fields.body}
      />
      <TextField
        id={idOf('sortOrder')}
        label={labels.sortOrder}
        required
        support="小さい順に並びます（0〜10000）"
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={sortOrder}
        onValueChange={setSortOrder}
        error={errors.fields.sortOrder}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={busy}>
          {template ? '保存する' : '登録する'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            やめる
          </Button>
        )}
      </div>
    </form>
  )
}

/** 定型文の管理: the list (inactive ones too), editing one at a time, deactivating, adding. */
export function TemplatesManager({ onDone }: { onDone: (message: string) => void }) {
  const templates = useInquiryTemplates(true)
  const update = useUpdateTemplate()
  const [editing, setEditing] = useState<string | null>(null)

  const toggle = (t: InquiryTemplate) =>
    update.mutate(
      { id: t.id, body: { active: !t.active } },
      {
        onSuccess: () =>
          onDone(
            t.active
              ? `「${t.title}」を使わないようにしました。`
              : `「${t.title}」を再び使えるようにしました。`,
          ),
      },
    )

  return (
    <>
      <section aria-labelledby="templates-list" className="mb-12">
        <h2 id="templates-list" className="mb-4 text-std-24B-150">
          登録済みの定型文
        </h2>
        {templates.isPending && <Loading what="定型文" />}
        {templates.error && <QueryError error={templates.error} />}
        {templates.data?.length === 0 && <p>定型文はまだありません。</p>}
        <ul className="flex flex-col gap-4">
          {templates.data?.map((t) => (
            <li key={t.id} className="rounded-8 border border-solid-gray-420 p-4">
              {editing === t.id ? (
                <TemplateForm
                  template={t}
                  onDone={(m) => {
                    setEditing(null)
                    onDone(m)
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <h3 className="text-std-18B-160">
                    {t.title}
                    {!t.active && <span className="ml-2 text-std-16N-170">（使用しない）</span>}
                  </h3>
                  <p className="mt-2 whitespace-pre-wrap break-words text-std-16N-170">{t.body}</p>
                  <div className="mt-4 flex flex-wrap gap-4">
                    <Button variant="secondary" size="sm" onClick={() => setEditing(t.id)}>
                      「{t.title}」を編集
                    </Button>
                    <Button
                      variant="tertiary"
                      size="sm"
                      disabled={update.isPending}
                      onClick={() => toggle(t)}
                    >
                      {t.active ? `「${t.title}」を使わない` : `「${t.title}」を使う`}
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="templates-new" className="mb-12">
        <h2 id="templates-new" className="mb-4 text-std-24B-150">
          定型文を追加
        </h2>
        <TemplateForm onDone={onDone} />
      </section>
    </>
  )
}
