import { describe, expect, it } from 'vitest'
import { emptyQuestion, optionLines, surveyBody, surveyValuesOf } from './survey-form-values.ts'

describe('survey form values', () => {
  it('reads options one a line, dropping blank lines and spaces', () => {
    expect(optionLines(' 満足\r\n\n やや満足 \n')).toEqual(['満足', 'やや満足'])
  })

  it('sends no options or その他 for a free-text question, and empty fields as null', () => {
    const values = surveyValuesOf()
    values.title = ' 利用者アンケート '
    values.questions = [
      { ...emptyQuestion(), kind: 'text', question: '感想', options: 'a\nb', allowOther: true },
    ]
    expect(surveyBody(values)).toEqual({
      title: '利用者アンケート',
      audience: 'consulters',
      periodFrom: null,
      periodTo: null,
      introduction: null,
      targetCount: null,
      linkToCase: false,
      questions: [{ kind: 'text', question: '感想', options: [], required: false, allowOther: false }],
    })
  })

  it('round-trips a stored survey’s questions', () => {
    const values = surveyValuesOf({
      id: 'x',
      surveyNo: 'Q-0001',
      title: 't',
      audience: 'agencies',
      status: 'draft',
      periodFrom: '2026-11-01',
      periodTo: null,
      introduction: null,
      targetCount: 16,
      copiedFrom: null,
      linkToCase: false,
      responses: { total: 0, paper: 0, web: 0 },
      locked: false,
      questions: [
        { no: 1, kind: 'multiple', question: 'q', options: ['a', 'b'], required: true, allowOther: true },
      ],
      updatedAt: '',
    })
    expect(values.targetCount).toBe('16')
    expect(surveyBody(values).questions).toEqual([
      { kind: 'multiple', question: 'q', options: ['a', 'b'], required: true, allowOther: true },
    ])
  })
})
