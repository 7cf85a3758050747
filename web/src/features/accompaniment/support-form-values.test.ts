import { describe, expect, it } from 'vitest'
import { ApiError } from '#web/lib/api-error.ts'
import {
  activityBody,
  changedActivityBody,
  checkActivity,
  supportErrorsFrom,
  valuesFromActivity,
} from './support-form-values.ts'

const activity = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  doneOn: '2026-11-02',
  kind: 'approach' as const,
  minutes: 30,
  note: null,
  accountId: '00000000-0000-4000-8000-000000000003',
  accountName: '支援員',
  createdAt: '2026-11-02T01:00:00.000Z',
}

describe('activity form values', () => {
  it('shows a stored activity as staff type it and sends empty text as null', () => {
    const values = valuesFromActivity(activity)
    expect(values).toEqual({ doneOn: '2026/11/2', kind: 'approach', minutes: '30', note: '' })
    expect(activityBody({ ...values, minutes: ' ' })).toEqual({
      doneOn: '2026/11/2',
      kind: 'approach',
      minutes: null,
      note: null,
    })
  })

  it('sends only what changed in a correction', () => {
    const before = valuesFromActivity(activity)
    expect(changedActivityBody(before, { ...before, minutes: '45', note: '追記' })).toEqual({
      minutes: '45',
      note: '追記',
    })
    expect(changedActivityBody(before, before)).toEqual({})
  })

  it('asks for the date and the kind before sending', () => {
    expect(checkActivity({ doneOn: ' ', kind: '', minutes: '', note: '' })).toEqual({
      doneOn: '実施日を入力してください',
      kind: '支援内容を選択してください',
    })
  })
})

describe('supportErrorsFrom', () => {
  it('shows the server’s reason for a 409 instead of the generic reload message', () => {
    const closed = new ApiError({
      type: 'urn:yorisoi:problem:conflict',
      title: '他の操作と競合しました',
      status: 409,
      detail: '終結したケースの支援計画・支援記録は変更できません。',
    })
    expect(supportErrorsFrom(closed, ['doneOn'])).toEqual({
      fields: {},
      general: '終結したケースの支援計画・支援記録は変更できません。',
    })
  })

  it('puts field errors under their fields', () => {
    const invalid = new ApiError({
      type: 'urn:yorisoi:problem:validation',
      title: '入力内容に誤りがあります',
      status: 400,
      errors: [{ field: 'doneOn', message: '未来の日付は入力できません' }],
    })
    expect(supportErrorsFrom(invalid, ['doneOn'])).toEqual({
      fields: { doneOn: '未来の日付は入力できません' },
    })
  })
})
