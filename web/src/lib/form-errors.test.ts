import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error.ts'
import { historyValue } from './field-labels.ts'
import { CONFLICT_MESSAGE, formErrorsFrom, summaryOf } from './form-errors.ts'

const problem = (status: number, errors?: { field: string; message: string }[]) =>
  new ApiError({
    type: `urn:yorisoi:problem:${status === 409 ? 'conflict' : 'validation'}`,
    title: 'T',
    status,
    errors,
  })

describe('formErrorsFrom', () => {
  it('maps field paths to the form fields and keeps the rest as a general message', () => {
    const result = formErrorsFrom(
      problem(400, [
        { field: 'concerns.1', message: 'bad concern' },
        { field: 'openedOn', message: 'bad date' },
        { field: 'version', message: 'bad version' },
      ]),
      ['openedOn', 'concerns'],
    )
    expect(result.fields).toEqual({ concerns: 'bad concern', openedOn: 'bad date' })
    expect(result.general).toBe('bad version')
  })

  it('keeps a nested field the form shows by itself, and folds deeper paths into it', () => {
    const result = formErrorsFrom(
      problem(400, [
        { field: 'firstContact.method', message: 'bad method' },
        { field: 'firstContact.minutes', message: 'bad minutes' },
        { field: 'consulter.phones.0.number', message: 'bad phone' },
      ]),
      ['firstContact.method', 'consulter.phones', 'firstContact'],
    )
    expect(result).toEqual({
      fields: {
        'firstContact.method': 'bad method',
        firstContact: 'bad minutes',
        'consulter.phones': 'bad phone',
      },
    })
  })

  it('turns a version conflict into the reload message', () => {
    expect(formErrorsFrom(problem(409), [])).toEqual({ fields: {}, general: CONFLICT_MESSAGE })
  })
})

describe('summaryOf', () => {
  it('lists errors in form order with labels and prefixed ids', () => {
    const summary = summaryOf(
      { fields: { name: '長すぎます', openedOn: '入力してください' } },
      { openedOn: '受付日', name: '氏名' },
      (f) => `edit-${f}`,
    )
    expect(summary).toEqual([
      { targetId: 'edit-openedOn', message: '受付日：入力してください' },
      { targetId: 'edit-name', message: '氏名：長すぎます' },
    ])
  })
})

describe('historyValue', () => {
  const ward = (code: string) => (code === 'kita' ? '北区' : code)
  it('shows codes, lists, wards and dates as people read them', () => {
    expect(historyValue('urgency', 'urgent', ward)).toBe('緊急')
    expect(historyValue('concerns', '["work","school"]', ward)).toBe('就労、就学')
    expect(historyValue('ward', 'kita', ward)).toBe('北区')
    expect(historyValue('openedOn', '2021-08-31', ward)).toBe('令和3年8月31日')
    expect(historyValue('name', null, ward)).toBe('（なし）')
  })
})
