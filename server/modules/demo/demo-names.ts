import type { Random } from './demo-random.ts'

// Invented combinations of common surnames and given names for the fictional demo city.
// Any likeness to a real person is chance; the demo holds no real data.

const SURNAMES = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'],
  ['山本', 'やまもと'],
  ['中村', 'なかむら'],
  ['小林', 'こばやし'],
  ['加藤', 'かとう'],
  ['吉田', 'よしだ'],
  ['山田', 'やまだ'],
  ['松本', 'まつもと'],
  ['井上', 'いのうえ'],
  ['木村', 'きむら'],
  ['林', 'はやし'],
  ['清水', 'しみず'],
  ['山崎', 'やまざき'],
  ['森', 'もり'],
  ['池田', 'いけだ'],
  ['橋本', 'はしもと'],
  ['石川', 'いしかわ'],
  ['前田', 'まえだ'],
  ['藤田', 'ふじた'],
  ['岡田', 'おかだ'],
  ['後藤', 'ごとう'],
  ['長谷川', 'はせがわ'],
  ['村上', 'むらかみ'],
  ['近藤', 'こんどう'],
  ['坂本', 'さかもと'],
] as const

const MALE_NAMES = [
  ['翔太', 'しょうた'],
  ['大輔', 'だいすけ'],
  ['健太', 'けんた'],
  ['拓也', 'たくや'],
  ['直樹', 'なおき'],
  ['和也', 'かずや'],
  ['浩二', 'こうじ'],
  ['誠', 'まこと'],
  ['隆', 'たかし'],
  ['悠斗', 'ゆうと'],
  ['蓮', 'れん'],
  ['修', 'おさむ'],
] as const

const FEMALE_NAMES = [
  ['美咲', 'みさき'],
  ['陽子', 'ようこ'],
  ['彩', 'あや'],
  ['真由美', 'まゆみ'],
  ['恵', 'めぐみ'],
  ['由紀', 'ゆき'],
  ['結衣', 'ゆい'],
  ['智子', 'ともこ'],
  ['優花', 'ゆうか'],
  ['久美子', 'くみこ'],
  ['さくら', 'さくら'],
  ['香織', 'かおり'],
] as const

export function fictionalName(random: Random, gender: string): { name: string; kana: string } {
  const [surname, surnameKana] = random.pick(SURNAMES)
  const given =
    gender === 'male'
      ? random.pick(MALE_NAMES)
      : gender === 'female'
        ? random.pick(FEMALE_NAMES)
        : random.pick([...MALE_NAMES, ...FEMALE_NAMES])
  return { name: `${surname} ${given[0]}`, kana: `${surnameKana} ${given[1]}` }
}
