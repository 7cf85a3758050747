// The evaluation's three surveys (表1) with the questions and options its tables 表4–表8 publish,
// so a city can run them again and compare. Wordings are the report's own; 無回答 is not an
// option (it is whoever left a question blank).
import type { SurveyTemplate } from '#shared/contracts/surveys.ts'

const FEEDBACK = { kind: 'text', question: 'ご意見・ご感想をご自由にお書きください。', options: [] } as const

type Draft = Omit<SurveyTemplate, 'questions'> & {
  questions: {
    kind: SurveyTemplate['questions'][number]['kind']
    question: string
    options: readonly string[]
    allowOther?: boolean
  }[]
}

const TEMPLATES: Draft[] = [
  {
    key: 'window',
    title: '「よりそい・つなぐ」相談窓口アンケート',
    audience: 'consulters',
    note: '表4（相談窓口の対応への満足度）',
    questions: [
      {
        kind: 'scale',
        question: '「よりそい・つなぐ」相談窓口の対応への満足度をお聞かせください。',
        options: ['満足', 'やや満足', '普通', 'やや不満', '不満'],
      },
      FEEDBACK,
    ],
  },
  {
    key: 'agencies',
    title: '関係機関アンケート',
    audience: 'agencies',
    note: '表8（支援調整会議について良いと思う点）',
    questions: [
      {
        kind: 'multiple',
        question: '支援調整会議について良いと思う点をお選びください。（複数回答可）',
        options: [
          '支援について、多角的に考える場ができた。',
          '行政や他の関係機関の実施している支援内容を知ることができた。',
          '行政や他の関係機関との連携が深まったと感じる。',
          '支援のノウハウの蓄積に役立つと感じる。',
          'つなぎ先が増え、支援が途切れにくくなったと感じる。',
        ],
        allowOther: true,
      },
      FEEDBACK,
    ],
  },
  {
    key: 'supported',
    title: 'よりそい支援員アンケート',
    audience: 'supported',
    note: '表5（あると良い支援）・表6（良かった支援内容）・表7（現在の目標）',
    questions: [
      {
        kind: 'multiple',
        question: 'ひきこもり支援として、どのような支援があると良いですか。（複数回答可）',
        options: [
          'ひきこもりに特化した就学・就労支援',
          '定期的に話を聞いてほしい。',
          '本人向けの居場所',
          '定期的な自宅（又は自宅の近く）への訪問',
          '家族向け研修会・講演会',
          '定期的な情報提供（毎月のお便りなど）',
          '家族会・家族交流会',
        ],
      },
      {
        kind: 'multiple',
        question: 'よりそい支援員から受けた支援のうち、良かった支援内容をお選びください。（複数回答可）',
        options: [
          '自宅（又はご希望の場所）での定期的な傾聴',
          '就学・就労に向けた支援',
          '本人へのアプローチ',
          '行政以外のひきこもり支援団体への同行',
          '手紙、メール、電話での定期的な傾聴',
          '行政サービス利用などの手続きに関する支援',
        ],
        allowOther: true,
      },
      {
        kind: 'multiple',
        question: '現在の目標をお選びください。（複数回答可）',
        options: ['就労', 'コミュニケーション能力の向上等'],
      },
      FEEDBACK,
    ],
  },
]

export const SURVEY_TEMPLATES: SurveyTemplate[] = TEMPLATES.map((t) => ({
  ...t,
  questions: t.questions.map((q, i) => ({
    no: i + 1,
    kind: q.kind,
    question: q.question,
    options: [...q.options],
    required: false,
    allowOther: q.allowOther ?? false,
  })),
}))
