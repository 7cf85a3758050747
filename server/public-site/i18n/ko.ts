import type { Catalog } from './ja.ts'

export const ko: Catalog = {
  'site.name': '{city} 온라인 상담',
  'site.skip': '본문으로 건너뛰기',
  'site.nav': '온라인 상담 메뉴',
  'site.languages': '언어 선택',
  'nav.about': '온라인 상담 안내',
  'nav.write': '상담 글쓰기',
  'nav.return': '답변 보기',

  'about.title': '은둔형 외톨이(히키코모리) 상담을 온라인으로',
  'about.lead':
    '은둔 생활로 힘들어하는 본인도, 그 가족도 여기에서 글로 상담할 수 있습니다. 24시간 언제든지 쓸 수 있으며, 전화를 하지 않아도 됩니다.',
  'about.anonymous.heading': '이름을 쓰지 않고 상담할 수 있습니다',
  'about.anonymous.body':
    '이름, 주소, 이메일 주소는 쓰지 않아도 됩니다. 전화가 걸려 오는 일도 없습니다. 전화 통화를 해도 좋다고 선택한 경우에만 창구에서 전화를 드립니다.',
  'about.confidential.heading': '쓰신 내용은 비밀로 합니다',
  'about.confidential.body':
    '쓰신 내용은 {city} 상담 창구 담당자만 읽습니다. 본인의 동의 없이 가족이나 다른 사람에게 알리지 않습니다.',
  'about.after.heading': '보낸 후에는',
  'about.after.body':
    '보내면 접수 번호가 표시됩니다. 담당자가 읽고 이 페이지에서 답변합니다. 답변은 창구 운영 시간에 쓰기 때문에 며칠 걸릴 수 있습니다. 접수 번호와 암호만 있으면 언제든지 답변을 읽거나 이어서 쓸 수 있습니다.',
  'about.window.heading': '상담 창구 시간과 전화',
  'about.window.hours': '접수 시간: {hours}',
  'about.window.phone': '전화: {phone}',
  'about.window.none': '창구 운영 시간과 전화번호는 {city} 홈페이지에서 확인해 주십시오.',
  'about.start': '상담 글쓰기',
  'about.return': '접수 번호와 암호가 있는 분은 「답변 보기」로',

  'crisis.heading': '지금 당장 누군가와 이야기하고 싶을 때',
  'crisis.lead': '죽고 싶을 만큼 괴로울 때는 혼자 견디지 말고 아래 번호로 전화해 주십시오.',
  'crisis.hours': '({hours})',
  'crisis.emergency': '생명이 위험할 때는 119(구급) 또는 110(경찰)으로 전화해 주십시오.',
  'crisis.afterSend':
    '상담 내용은 창구에 전달되었지만, 답변까지 시간이 걸릴 수 있습니다. 지금 너무 괴로우시다면 바로 아래 번호로 전화해 주십시오.',

  'field.required': '필수',
  'field.optional': '선택',
  'form.errors': '입력 내용을 확인해 주십시오',
  'form.send': '보내기',

  'write.title': '상담 글쓰기',
  'write.intro': '「필수」 항목만 쓰면 보낼 수 있습니다. 다른 항목은 쓰지 않아도 됩니다.',
  'write.who': '당신은',
  'write.who.self': '본인 (자신의 일)',
  'write.who.family': '가족',
  'write.who.other': '기타 (친구, 지원자 등)',
  'write.age': '상담하고 싶은 사람의 나이',
  'write.age.none': '답하지 않음',
  'write.age.under40': '39세 이하',
  'write.age.40plus': '40세 이상',
  'write.body': '상담하고 싶은 내용',
  'write.body.hint': '정리가 되어 있지 않아도 괜찮습니다. {max}자까지 쓸 수 있습니다.',
  'write.nickname': '닉네임',
  'write.nickname.hint': '답변할 때 부를 이름입니다. 본명이 아니어도 됩니다.',
  'write.notice': '알림을 받을 이메일 주소',
  'write.notice.hint':
    '답변이 왔다는 사실만 이메일로 알려 드립니다. 이메일에는 상담 내용도 이름도 쓰지 않습니다.',
  'write.call': '전화로 이야기해도 될까요?',
  'write.call.no': '아니요 (글로만 주고받기)',
  'write.call.yes': '예 (창구에서 전화해도 됨)',
  'write.phone': '전화번호',
  'write.phone.hint': '「예」를 선택한 경우에만 써 주십시오.',
  'write.passphrase.heading': '암호를 정해 주십시오',
  'write.passphrase.rule':
    '나중에 답변을 볼 때 접수 번호와 함께 입력합니다. {min}자 이상으로, 다른 사람이 알아맞히기 어렵게 정해 주십시오. 짧은 단어를 세 개쯤 이으면 외우기 쉽고 알아맞히기 어렵습니다. 생일이나 「12345678」 같은 것은 쓸 수 없습니다.',
  'write.passphrase': '암호',
  'write.passphrase2': '암호 (확인을 위해 한 번 더)',
  'write.honeypot': '이 칸은 비워 두십시오',

  'done.title': '보냈습니다',
  'done.code': '당신의 접수 번호',
  'done.keep':
    '이 접수 번호와 정한 암호로 답변을 읽거나 이어서 쓸 수 있습니다. 접수 번호를 적어 두십시오. 암호는 이 화면에 표시하지 않습니다.',
  'done.next':
    '담당자가 읽고 이 페이지에서 답변합니다. 답변은 창구 운영 시간에 쓰기 때문에 며칠 걸릴 수 있습니다.',
  'done.notice': '답변이 오면 등록한 이메일 주소로 알려 드립니다.',
  'done.open': '내 상담 보기',

  'return.title': '답변 보기・이어서 쓰기',
  'return.code': '접수 번호',
  'return.code.hint': '영문자와 숫자 8자입니다 (예: ABCD-2345).',
  'return.passphrase': '암호',
  'return.submit': '열기',
  'return.failed': '접수 번호 또는 암호가 틀립니다. 여러 번 틀리면 한동안 열 수 없게 됩니다.',
  'return.forgot':
    '암호를 잊으셨다면 새로 상담을 써 주십시오. 이전 접수 번호를 적어 주시면 담당자가 이전 상담과 연결합니다.',

  'thread.title': '내 상담',
  'thread.code': '접수 번호: {code}',
  'thread.you': '나',
  'thread.staff': '창구 담당자',
  'thread.none': '아직 답변이 없습니다. 담당자가 답변할 때까지 기다려 주십시오.',
  'thread.removed': '(보존 기간이 지나 이 글은 삭제되었습니다)',
  'thread.sent': '보냈습니다.',
  'thread.write': '이어서 쓰기',
  'thread.closed': '이 상담은 종료되었습니다. 다시 상담하고 싶으시면 「상담 글쓰기」에서 새로 써 주십시오.',
  'thread.leave': '이 화면 닫기',
  'thread.shared':
    '가족과 함께 쓰는 컴퓨터나 스마트폰으로 보셨다면 마지막에 「이 화면 닫기」를 눌러 주십시오.',
  'thread.expired': '시간이 지나 상담 화면을 닫았습니다. 접수 번호와 암호를 다시 입력해 주십시오.',
  'thread.left': '상담 화면을 닫았습니다.',

  'error.choice': '선택지 중에서 골라 주십시오',
  'error.who': '「당신은」을 선택해 주십시오',
  'error.bodyRequired': '상담하고 싶은 내용을 써 주십시오',
  'error.tooLong': '{max}자 이내로 써 주십시오 (지금 {count}자)',
  'error.control': '쓸 수 없는 문자(제어 문자)가 들어 있습니다. 그 문자를 지워 주십시오',
  'error.broken': '깨진 문자가 들어 있습니다. 그 문자를 지우고 다시 입력해 주십시오',
  'error.invisible': '보이지 않는 문자(폭 없는 공백 등)가 들어 있습니다. 이 칸을 지우고 다시 입력해 주십시오',
  'error.lineBreak': '이 칸에서는 줄을 바꿀 수 없습니다',
  'error.email': '이메일 주소 형식이 올바르지 않습니다 (예: name@example.jp)',
  'error.phoneRequired': '전화해도 되는 경우에는 전화번호를 써 주십시오',
  'error.phone': '전화번호는 숫자로 써 주십시오 (예: 075-123-4567)',
  'error.passphraseShort': '암호는 {min}자 이상으로 해 주십시오',
  'error.passphraseWeak':
    '이 암호는 알아맞히기 쉬워서 쓸 수 없습니다. 짧은 단어 몇 개를 이어서 길게 해 주십시오',
  'error.passphraseMismatch': '확인용 암호가 처음 암호와 같지 않습니다',
  'error.codeRequired': '접수 번호를 입력해 주십시오',
  'error.passphraseRequired': '암호를 입력해 주십시오',
  'error.expired': '페이지 유효 기간이 지났습니다. 내용을 확인하고 다시 보내 주십시오.',
  'error.tooMany': '짧은 시간에 너무 많이 보내서 접수되지 않았습니다. 잠시 기다린 후 다시 보내 주십시오.',
  'error.server': '처리하지 못했습니다. 잠시 후 다시 시도해 주십시오.',

  'notFound.title': '페이지를 찾을 수 없습니다',
  'notFound.body': '이 주소의 온라인 상담은 없습니다. 주소를 확인해 주십시오.',
}
