// 日本語: the reference catalog. Every other language has exactly these keys (i18n.test.ts).
// ICU MessageFormat; a literal apostrophe is written as ’ so that it never starts a quote.
export const ja = {
  'site.name': '{city} ウェブ相談',
  'site.skip': '本文へ移動',
  'site.nav': 'ウェブ相談のメニュー',
  'site.languages': '言語を選ぶ',
  'nav.about': 'ウェブ相談について',
  'nav.write': '相談を書く',
  'nav.return': '返事を見る',

  'about.title': 'ひきこもりの相談をウェブで',
  'about.lead':
    'ひきこもりのことで悩んでいる本人も家族も、ここから文章で相談できます。24時間いつでも書けます。電話をしなくてもかまいません。',
  'about.anonymous.heading': '名前を書かずに相談できます',
  'about.anonymous.body':
    '名前・住所・メールアドレスは書かなくてもかまいません。電話がかかってくることもありません。電話で話してもよいと選んだときだけ、窓口からかけます。',
  'about.confidential.heading': '書いた内容は秘密にします',
  'about.confidential.body':
    '書いた内容を読むのは{city}の相談窓口の担当者だけです。あなたの同意なしに、家族やほかの人に伝えることはありません。',
  'about.after.heading': '送信したあとは',
  'about.after.body':
    '送信すると受付番号が表示されます。担当者が読んで、このページで返事をします。返事は窓口の開いている時間に書くので、数日かかることがあります。受付番号と合言葉があれば、いつでも返事を読んだり続きを書いたりできます。',
  'about.window.heading': '相談窓口の時間と電話',
  'about.window.hours': '受付時間：{hours}',
  'about.window.phone': '電話：{phone}',
  'about.window.none': '窓口の時間と電話番号は、{city}のホームページでご確認ください。',
  'about.start': '相談を書く',
  'about.return': '受付番号と合言葉をお持ちの方は「返事を見る」へ',

  'crisis.heading': 'いますぐ誰かと話したいとき',
  'crisis.lead': '死にたいほどつらいときは、一人でかかえこまずに、次の窓口に電話してください。',
  'crisis.hours': '（{hours}）',
  'crisis.emergency': '命の危険があるときは、119番（救急）か110番（警察）に電話してください。',
  'crisis.afterSend':
    'あなたの相談は担当者に届きますが、返事にはしばらく時間がかかることがあります。いまとてもつらいときは、次の窓口にすぐ電話してください。',

  'field.required': '必須',
  'field.optional': '任意',
  'form.errors': '入力内容を確認してください',
  'form.send': '送信する',

  'write.title': '相談を書く',
  'write.intro': '「必須」の項目だけ書けば送信できます。ほかの項目は書かなくてもかまいません。',
  'write.who': 'あなたは',
  'write.who.self': '本人（自分のこと）',
  'write.who.family': '家族',
  'write.who.other': 'その他（友人・支援者など）',
  'write.age': '相談したい人の年齢',
  'write.age.none': '答えない',
  'write.age.under40': '39歳まで',
  'write.age.40plus': '40歳から',
  'write.body': '相談したいこと',
  'write.body.hint': 'まとまっていなくても大丈夫です。{max}文字まで書けます。',
  'write.nickname': 'ニックネーム',
  'write.nickname.hint': '返事のときにあなたを呼ぶ名前です。本名でなくてかまいません。',
  'write.notice': 'お知らせを受け取るメールアドレス',
  'write.notice.hint':
    '返事が届いたことだけをメールでお知らせします。メールには相談の内容も名前も書きません。',
  'write.call': '電話で話してもよいですか',
  'write.call.no': 'いいえ（文章だけでやりとりする）',
  'write.call.yes': 'はい（窓口から電話してもよい）',
  'write.phone': '電話番号',
  'write.phone.hint': '「はい」を選んだときだけ書いてください。',
  'write.passphrase.heading': '合言葉を決めてください',
  'write.passphrase.rule':
    'あとで返事を読むときに、受付番号といっしょに入力します。{min}文字以上で、ほかの人に当てられにくいものにしてください。短い言葉を3つほどつなげると、覚えやすく当てられにくくなります。誕生日や「12345678」のようなものは使えません。',
  'write.passphrase': '合言葉',
  'write.passphrase2': '合言葉（確認のため、もう一度）',
  'write.honeypot': 'この欄は空のままにしてください',

  'done.title': '送信しました',
  'done.code': 'あなたの受付番号',
  'done.keep':
    'この受付番号と、決めた合言葉で、返事を読んだり続きを書いたりできます。受付番号を書き留めておいてください。合言葉はこの画面に表示しません。',
  'done.next':
    '担当者が読んで、このページで返事をします。返事は窓口の開いている時間に書くので、数日かかることがあります。',
  'done.notice': '返事が届いたら、登録したメールアドレスにお知らせします。',
  'done.open': 'あなたの相談を見る',

  'return.title': '返事を見る・続きを書く',
  'return.code': '受付番号',
  'return.code.hint': '8文字の英語と数字です（例：ABCD-2345）。',
  'return.passphrase': '合言葉',
  'return.submit': '開く',
  'return.failed': '受付番号か合言葉がちがいます。何度もまちがえると、しばらくのあいだ開けなくなります。',
  'return.forgot':
    '合言葉を忘れたときは、新しく相談を書いてください。前の受付番号を書いておくと、担当者が前の相談とつなげます。',

  'thread.title': 'あなたの相談',
  'thread.code': '受付番号：{code}',
  'thread.you': 'あなた',
  'thread.staff': '窓口の担当者',
  'thread.none': 'まだ返事はありません。担当者が返事を書くまで、お待ちください。',
  'thread.removed': '（保存期間が過ぎたため、この文章は削除されました）',
  'thread.sent': '送信しました。',
  'thread.write': '続きを書く',
  'thread.closed': 'この相談は終わっています。また相談したいときは、「相談を書く」から新しく書いてください。',
  'thread.leave': 'この画面を閉じる',
  'thread.shared':
    '家族と共用のパソコンやスマートフォンで見たときは、最後に「この画面を閉じる」を押してください。',
  'thread.expired':
    '時間がたったため、相談の画面を閉じました。もう一度、受付番号と合言葉を入力してください。',
  'thread.left': '相談の画面を閉じました。',

  'error.choice': '選択肢から選んでください',
  'error.who': '「あなたは」を選んでください',
  'error.bodyRequired': '相談したいことを書いてください',
  'error.tooLong': '{max}文字以内にしてください（いま{count}文字です）',
  'error.control': '使えない文字（制御文字）が入っています。その文字を消してください',
  'error.broken': 'こわれた文字が入っています。その文字を消して、入力しなおしてください',
  'error.invisible':
    '見えない文字（ゼロ幅スペースなど）が入っています。この欄を消して、入力しなおしてください',
  'error.lineBreak': 'この欄では改行できません',
  'error.email': 'メールアドレスの形がちがいます（例：name@example.jp）',
  'error.phoneRequired': '電話してもよいときは、電話番号を書いてください',
  'error.phone': '電話番号は数字で書いてください（例：075-123-4567）',
  'error.passphraseShort': '合言葉は{min}文字以上にしてください',
  'error.passphraseWeak':
    'この合言葉は当てられやすいので使えません。短い言葉をいくつかつなげて、長くしてください',
  'error.passphraseMismatch': '確認の合言葉が、はじめの合言葉と同じではありません',
  'error.codeRequired': '受付番号を入力してください',
  'error.passphraseRequired': '合言葉を入力してください',
  'error.expired': 'ページの有効期限が切れていました。内容を確かめて、もう一度送信してください。',
  'error.tooMany':
    '短い時間にたくさん送信されたため、受け付けられませんでした。しばらく待ってから、もう一度送信してください。',

  'error.server': 'うまく処理できませんでした。少し時間をおいて、もう一度お試しください。',

  'notFound.title': 'ページが見つかりません',
  'notFound.body': 'このアドレスのウェブ相談はありません。アドレスをお確かめください。',

  // 家族向けの研修会・家族教室 (server/public-site/seminar-pages.ts)
  'seminars.title': '家族向けの研修会・家族教室',
  'seminars.lead':
    'ひきこもりの状態にある方のご家族のための研修会と家族教室です。申込みにアカウントはいりません。',
  'seminars.none': 'いま申込みを受け付けている研修会・家族教室はありません。',
  'seminars.when': '日時：{when}',
  'seminars.place': '会場：{place}',
  'seminars.online': 'オンラインで開きます',
  'seminars.audience': '対象：{audience}',
  'seminars.seats': '定員{capacity}人（残り{left}人）',
  'seminars.full': '満席です。申し込むとキャンセル待ちになり、空きができたら順にご案内します。',
  'seminars.apply': '申し込む',
  'seminars.form.title': '申込み：{title}',
  'seminars.form.intro':
    '「必須」の項目だけ書けば申し込めます。お知らせ用の連絡先はメールか電話のどちらかで構いません。',
  'seminars.form.name': 'お名前またはニックネーム',
  'seminars.form.attendees': '参加する人数',
  'seminars.form.email': 'メールアドレス（前日のお知らせ用）',
  'seminars.form.phone': '電話番号（前日のお知らせ用）',
  'seminars.form.contact': 'メールがないときは、前日に電話でお知らせすることがあります。',
  'seminars.form.needs': '必要な配慮',
  'seminars.form.childcare': '託児を希望する',
  'seminars.form.sign': '手話通訳を希望する',
  'seminars.form.note': 'そのほか伝えたいこと',
  'seminars.mine.title': 'お申込みの状況',
  'seminars.mine.confirmed': '参加が決まっています。',
  'seminars.mine.waitlisted':
    'キャンセル待ちです（{position}番目）。空きができたら順に参加が決まり、メールアドレスがあればお知らせします。',
  'seminars.mine.cancelled': 'この申込みは取り消されています。',
  'seminars.mine.keep':
    'このページのアドレスを保存してください。取り消すときは、このページから取り消せます。',
  'seminars.mine.cancel': '申込みを取り消す',
  'error.nameRequired': 'お名前かニックネームを書いてください',
  'error.attendees': '人数は1人から{max}人までの数字で書いてください',
  'survey.anonymous': 'このアンケートは匿名です。お名前やご住所は書かないでください。',
  'survey.multiple': 'あてはまるものをすべて選んでください',
  'survey.other': '「その他」の内容',
  'survey.send': '回答を送信する',
  'survey.done.title': '回答を受け付けました',
  'survey.done.body': 'ご協力ありがとうございました。',
  'survey.closed.title': 'このアンケートは受け付けていません',
  'survey.closed.body': '受付期間が終わったか、まだ始まっていません。',
  'survey.used.title': 'この回答用ページは使えません',
  'survey.used.body':
    'このページからはすでに回答があったか、ページのアドレスが正しくありません。回答は1回だけできます。',
  'survey.agree':
    'この回答を、わたしの相談の記録に結び付けることに同意します（同意しない場合、回答は誰のものか分からない形で扱います）',
  'error.answerRequired': 'この質問に答えてください',
} as const

export type MessageKey = keyof typeof ja
export type Catalog = Record<MessageKey, string>
