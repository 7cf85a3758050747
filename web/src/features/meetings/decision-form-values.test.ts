import { describe, expect, it } from 'vitest'
import { ApiError } from '#web/lib/api-error.ts'
import {
  checkDecision,
  type DecisionValues,
  decisionBody,
  decisionErrorsFrom,
  emptyDecisionValues,
  newAssignmentRow,
  sameDecision,
  valuesFromDecision,
} from './decision-form-values.ts'

const unitA = '00000000-0000-4000-8000-00000000000a'
const unitB = '00000000-0000-4000-8000-00000000000b'
const worker = '00000000-0000-4000-8000-0000000000ff'

function values(patch: Partial<DecisionValues>): DecisionValues {
  return { ...emptyDecisionValues(), ...patch }
}

describe('decisionBody', () => {
  it('sends only the lead field that fits the kind of lead', () => {
    const v = values({
      lead: 'accompaniment',
      leadUnitId: unitA,
      leadAccountId: worker,
      policy: ' 週1回訪問 ',
    })
    expect(decisionBody(v)).toEqual({
      policy: '週1回訪問',
      lead: 'accompaniment',
      leadAccountId: worker,
      assignments: [],
      nextReviewOn: null,
    })
    expect(decisionBody(values({ lead: 'rediscuss', leadUnitId: unitA }))).not.toHaveProperty('leadUnitId')
    expect(decisionBody(values({ lead: 'specialist', leadUnitId: unitB })).leadUnitId).toBe(unitB)
  })

  it('leaves out blank role rows and trims tasks', () => {
    const v = values({
      lead: 'rediscuss',
      assignments: [newAssignmentRow(), newAssignmentRow(unitA, ' 家族面談 '), newAssignmentRow('', '  ')],
      nextReviewOn: '2027/1/15',
    })
    expect(decisionBody(v).assignments).toEqual([{ unitId: unitA, task: '家族面談' }])
    expect(decisionBody(v).nextReviewOn).toBe('2027/1/15')
  })
})

describe('checkDecision', () => {
  it('asks for the lead and who leads', () => {
    expect(checkDecision(values({}))).toEqual({ lead: '主担当を選択してください' })
    expect(checkDecision(values({ lead: 'ward_section' }))).toHaveProperty('leadUnitId')
    expect(checkDecision(values({ lead: 'specialist' }))).toHaveProperty('leadUnitId')
    expect(checkDecision(values({ lead: 'accompaniment' }))).toHaveProperty('leadAccountId')
    expect(checkDecision(values({ lead: 'rediscuss' }))).toEqual({})
  })

  it('names the half-filled role row', () => {
    const row = newAssignmentRow(unitA, '')
    expect(checkDecision(values({ lead: 'rediscuss', assignments: [row] }))).toEqual({
      [`assignments.${row.key}.task`]: '役割を入力してください',
    })
  })
})

describe('decisionErrorsFrom', () => {
  it('maps the server’s row indices back to the form’s rows, skipping blank rows', () => {
    const blank = newAssignmentRow()
    const filled = newAssignmentRow(unitA, 'x')
    const v = values({ lead: 'rediscuss', assignments: [blank, filled] })
    const error = new ApiError({
      type: 'urn:yorisoi:problem:validation',
      title: '入力内容を確認してください',
      status: 400,
      errors: [
        { field: 'assignments.0.unitId', message: '関係機関を選択してください' },
        { field: 'nextReviewOn', message: '次回確認日は会議の日より後にしてください' },
        { field: 'caseId', message: 'x' },
      ],
    })
    expect(decisionErrorsFrom(error, v)).toEqual({
      fields: {
        [`assignments.${filled.key}.unitId`]: '関係機関を選択してください',
        nextReviewOn: '次回確認日は会議の日より後にしてください',
      },
      general: 'x',
    })
  })

  it('keeps a conflict as the general message', () => {
    const error = new ApiError({
      type: 'urn:yorisoi:problem:conflict',
      title: '会議の日の前には決定を記録できません',
      status: 409,
    })
    expect(decisionErrorsFrom(error, values({}))).toEqual({
      fields: {},
      general: '会議の日の前には決定を記録できません',
    })
  })
})

describe('valuesFromDecision and sameDecision', () => {
  it('round-trips a recorded decision and notices a change', () => {
    const loaded = valuesFromDecision({
      reviewId: 'r',
      policy: '方針',
      lead: 'ward_section',
      leadUnitId: unitA,
      leadUnitName: '障害保健福祉課',
      leadAccountId: null,
      leadAccountName: null,
      assignments: [{ unitId: unitB, unitName: 'NPO', task: '居場所の紹介' }],
      nextReviewOn: '2027-01-15',
    })
    expect(loaded.nextReviewOn).toBe('2027/1/15')
    const copy = { ...loaded, assignments: loaded.assignments.map((a) => ({ ...a, key: `${a.key}x` })) }
    expect(sameDecision(loaded, copy)).toBe(true)
    expect(sameDecision(loaded, { ...loaded, policy: '方針2' })).toBe(false)
    expect(
      sameDecision(loaded, { ...loaded, assignments: [...loaded.assignments, newAssignmentRow()] }),
    ).toBe(true)
  })
})
