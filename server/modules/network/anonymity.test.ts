import { describe, expect, it } from 'vitest'
import { findIdentifying, IDENTIFYING_MESSAGES } from './anonymity.ts'

const person = { name: '山田 太郎', kana: 'やまだ たろう', caseNo: '2026-00012' }
// The person of issue 8's reproduction.
const ikeda = { name: '池田 恵', kana: 'いけだ めぐみ', caseNo: '2026-00034' }

describe('findIdentifying', () => {
  it.each([
    ['山田太郎さんは自室で過ごしている', 'name'],
    ['山田 太郎', 'name'],
    ['山田さんの母から相談', 'name'],
    ['ヤマダさんとは手紙でやりとり', 'name'],
    ['ﾀﾛｳ君は夜型の生活', 'name'],
    ['ケース2026-00012の件', 'caseNo'],
    ['2021-08-31に初回面談', 'date'],
    ['２０２１／８／３１に来所', 'date'],
    ['2021年8月31日に訪問', 'date'],
    ['令和3年8月31日に訪問', 'date'],
    ['令和元年5月1日から不登校', 'date'],
    ['R3.8.31 初回', 'date'],
    ['H30/1/2に退職', 'date'],
    ['8月31日に面談', 'date'],
    ['八月三十一日に面談', 'date'],
    ['8/31に面談', 'date'],
  ])('finds %s', (text, kind) => {
    expect(findIdentifying(text, person)).toBe(kind)
  })

  // Issue 8 §9: each of these was accepted and then read by every ward.
  it.each([
    ['池\u200b田恵さんは自宅で過ごしている', 'name'],
    ['11-26に受付', 'date'],
    ['今月26日に来所', 'date'],
    ['電話 075-123-4567', 'phone'],
  ])('refuses the reported bypass %j', (text, kind) => {
    expect(findIdentifying(text, ikeda)).toBe(kind)
  })

  it.each([
    // Invisible characters inside the name: zero-width space, non-joiner, joiner, word joiner,
    // BOM, soft hyphen, a bidi mark, a variation selector.
    '池\u200b田さん',
    '池\u200c田さん',
    '池\u200d田さん',
    '池\u2060田さん',
    '池\ufeff田さん',
    '池\u00ad田さん',
    '池\u200e田さん',
    '池\ufe00田さん',
    // Control characters (NUL is refused earlier, by the shared text schema; others are not).
    '池\u0000田さん',
    '池\u0001田さん',
    '池\u007f田さん',
    // Spaces and marks inside the name, in any width.
    '池 田 恵さん',
    '池\u3000田さん',
    '池・田さん',
    '池-田さん',
    '池\t田さん',
    // Kana in either script and width, and with the same tricks.
    'いけださん',
    'イケダさん',
    'ｲｹﾀﾞさん',
    'イ\u200bケ\u200dダさん',
    'い け だ さん',
    'めぐみさん',
    'メグミさん',
    'ﾒｸﾞﾐさん',
  ])('finds the name in %j', (text) => {
    expect(findIdentifying(text, ikeda)).toBe('name')
  })

  it('finds a kana name written in katakana when the kana is on record in katakana, and the reverse', () => {
    const katakana = { ...ikeda, kana: 'イケダ メグミ' }
    expect(findIdentifying('いけだめぐみさん', katakana)).toBe('name')
    expect(findIdentifying('イケダメグミさん', ikeda)).toBe('name')
    expect(findIdentifying('池田恵さん', { ...ikeda, name: '池\u200b田\u3000恵' })).toBe('name')
  })

  it.each([
    '電話 075-123-4567',
    '電話０７５－１２３－４５６７',
    '０７５ー１２３ー４５６７に連絡',
    '075‐123‐4567',
    '075−123−4567',
    '075―123―4567',
    '075.123.4567',
    '(075)123-4567',
    '（０７５）１２３－４５６７',
    '075 123 4567',
    '0751234567',
    '090-1234-5678',
    '０９０\u200b１２３４\u200b５６７８',
    '+81-75-123-4567',
    '0120-123-456',
    '電話 123-4567',
    'TEL:123-4567',
    '携帯 1234-5678',
    '℡ 123-4567',
  ])('finds a phone number in %j', (text) => {
    expect(findIdentifying(text, ikeda)).toBe('phone')
  })

  it.each([
    '〒600-8001',
    '郵便番号 600-8001',
    '６００－８００１',
    '〇〇区〇〇町に住む',
    '北区紫野上門前町で一人暮らし',
    '中京区河原町通三条上る',
    '紫野3丁目の自宅',
    '三丁目の団地',
    '12番地の一軒家',
    '3番5号',
    '3番地の5',
    '203号室',
    '紫野1-2-3',
    '寺戸町3',
  ])('finds an address in %j', (text) => {
    expect(findIdentifying(text, ikeda)).toBe('address')
  })

  it.each([
    '11-26に受付',
    '１１－２６に受付',
    '11/26に面談',
    '１１／２６',
    '11ー26に受付',
    '今月26日に来所',
    '今月２６日に来所',
    '先月3日から',
    '26日に面談',
    '2\u200b6日に面談',
    '11月に離職',
    '１１月に離職',
    '十一月に離職',
    '3月ごろから',
    '令和3年に離職',
    '令和３年に離職',
    '令和元年から',
    '平成三十年に退職',
    'R3.11に受付',
    'Ｒ３．１１に受付',
    'H30年に退職',
    '2021年に離職',
    '2021年8月に離職し、その後は自宅で過ごしている',
    '2021/8から',
  ])('finds a date in %j', (text) => {
    expect(findIdentifying(text, ikeda)).toBe('date')
  })

  it('finds a mail address', () => {
    expect(findIdentifying('連絡は ｉｋｅ＠example.jp まで', ikeda)).toBe('mail')
  })

  it.each([
    '40代の男性。令和3年度に家族から相談があった',
    '昨年の夏ごろから外出が減った',
    '週2回の居場所参加を検討している',
    '本人（Aさん）は太陽が好き',
    '家族関係の調整について助言がほしい',
    '30代の本人は数年前の離職後、自宅で過ごしている。家族との会話は少ない。',
    '3か月前から昼夜逆転。1ヶ月ほど面談が途切れた',
    '週3日は外出できている。1日2回の声かけ、3日間の入院',
    '週1-2回の訪問を続けている',
    '毎日、日曜日、土日は家族と過ごす',
    '2021年度から相談が続いている',
    '1990年代に就職',
    '20年間ひきこもっている',
    '第2号被保険者の母と同居',
    '区役所の窓口で相談、北区内の居場所を紹介',
    '本人は1番目の子で、兄弟は2人',
    '母は70代、要介護2',
    '今月中に関係機関と調整する',
  ])('lets through %s', (text) => {
    expect(findIdentifying(text, ikeda)).toBeNull()
    expect(findIdentifying(text, person)).toBeNull()
  })

  it('reads text with a lone surrogate or NUL without failing', () => {
    expect(findIdentifying('\ud800池田\udfffさん', ikeda)).toBe('name')
    expect(findIdentifying('本人は\ud800元気\u0000', ikeda)).toBeNull()
  })

  it('works without a name or kana on record', () => {
    expect(findIdentifying('Aさんの件', { name: null, kana: null, caseNo: '2026-00001' })).toBeNull()
  })

  it('names what was found in Japanese without repeating it', () => {
    for (const message of Object.values(IDENTIFYING_MESSAGES)) {
      expect(message).toMatch(/[ぁ-んァ-ン一-龥]/u)
      for (const secret of ['池田', 'いけだ', '075', '4567']) expect(message).not.toContain(secret)
    }
  })
})

describe('findIdentifying with the people around the person', () => {
  const household = [
    { name: '山田 花子', kana: 'やまだ はなこ' },
    { name: null, kana: null },
  ]
  const facts = { ...person, household }
  it.each([
    ['山田花子さんから電話', 'name'],
    ['花子さんから電話', 'household'],
    ['ハナコさんから電話', 'household'],
    ['は\u200bなこさんから電話', 'household'],
    ['ﾊﾅｺさんの話では', 'household'],
  ])('finds %s', (text, kind) => {
    expect(findIdentifying(text, facts)).toBe(kind)
  })

  it('passes 母 and 家族, and works without any household', () => {
    expect(findIdentifying('母から電話があった', facts)).toBeNull()
    expect(findIdentifying('花子さんから電話', person)).toBeNull()
    expect(findIdentifying('花子さんから電話', { ...person, household: [] })).toBeNull()
  })

  it('names what was found without repeating it', () => {
    expect(IDENTIFYING_MESSAGES.household).not.toContain('花子')
  })
})
