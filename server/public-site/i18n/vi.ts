import type { Catalog } from './ja.ts'

export const vi: Catalog = {
  'site.name': 'Tư vấn trực tuyến {city}',
  'site.skip': 'Chuyển đến nội dung chính',
  'site.nav': 'Danh mục tư vấn trực tuyến',
  'site.languages': 'Chọn ngôn ngữ',
  'nav.about': 'Giới thiệu',
  'nav.write': 'Viết thư tư vấn',
  'nav.return': 'Xem trả lời',

  'about.title': 'Tư vấn về tình trạng thu mình (hikikomori) qua mạng',
  'about.lead':
    'Nếu bạn hoặc người thân đang gặp khó khăn vì tình trạng thu mình, ở nhà không ra ngoài, bạn có thể viết cho chúng tôi tại đây. Bạn có thể viết bất cứ lúc nào, 24 giờ mỗi ngày, không cần gọi điện thoại.',
  'about.anonymous.heading': 'Bạn không cần ghi tên',
  'about.anonymous.body':
    'Không cần ghi tên, địa chỉ hay địa chỉ email. Chúng tôi sẽ không gọi điện cho bạn, trừ khi bạn cho biết có thể gọi.',
  'about.confidential.heading': 'Nội dung bạn viết được giữ bí mật',
  'about.confidential.body':
    'Chỉ nhân viên của quầy tư vấn {city} đọc nội dung bạn viết. Chúng tôi không cho gia đình bạn hay bất kỳ ai khác biết nếu không có sự đồng ý của bạn.',
  'about.after.heading': 'Sau khi gửi',
  'about.after.body':
    'Sau khi gửi, bạn sẽ thấy một mã số tiếp nhận. Nhân viên sẽ đọc và trả lời trên trang này. Vì chúng tôi trả lời trong giờ làm việc nên có thể mất vài ngày. Với mã số tiếp nhận và mật khẩu, bạn có thể xem trả lời và viết tiếp bất cứ lúc nào.',
  'about.window.heading': 'Giờ làm việc và điện thoại',
  'about.window.hours': 'Giờ tiếp nhận: {hours}',
  'about.window.phone': 'Điện thoại: {phone}',
  'about.window.none': 'Vui lòng xem giờ làm việc và số điện thoại trên trang web của {city}.',
  'about.start': 'Viết thư tư vấn',
  'about.return': 'Nếu bạn đã có mã số tiếp nhận và mật khẩu: Xem trả lời',

  'crisis.heading': 'Khi bạn cần nói chuyện với ai đó ngay bây giờ',
  'crisis.lead':
    'Nếu bạn đau khổ đến mức muốn chết, đừng chịu đựng một mình. Hãy gọi ngay cho một trong các số dưới đây.',
  'crisis.hours': '({hours})',
  'crisis.emergency': 'Khi tính mạng gặp nguy hiểm, hãy gọi 119 (cấp cứu) hoặc 110 (cảnh sát).',
  'crisis.afterSend':
    'Thư của bạn đã đến quầy tư vấn, nhưng có thể phải chờ một thời gian mới có trả lời. Nếu bây giờ bạn đang rất đau khổ, hãy gọi ngay cho một trong các số dưới đây.',

  'field.required': 'Bắt buộc',
  'field.optional': 'Không bắt buộc',
  'form.errors': 'Vui lòng kiểm tra lại nội dung đã nhập',
  'form.send': 'Gửi',

  'write.title': 'Viết thư tư vấn',
  'write.intro': 'Chỉ cần điền các mục có ghi “Bắt buộc” là có thể gửi. Các mục khác có thể để trống.',
  'write.who': 'Bạn là',
  'write.who.self': 'Người trong cuộc (viết về bản thân)',
  'write.who.family': 'Người trong gia đình',
  'write.who.other': 'Người khác (bạn bè, người hỗ trợ…)',
  'write.age': 'Tuổi của người cần tư vấn',
  'write.age.none': 'Không muốn trả lời',
  'write.age.under40': 'Dưới 40 tuổi',
  'write.age.40plus': 'Từ 40 tuổi trở lên',
  'write.body': 'Điều bạn muốn tư vấn',
  'write.body.hint': 'Không cần viết mạch lạc. Bạn có thể viết tối đa {max} ký tự.',
  'write.nickname': 'Biệt danh',
  'write.nickname.hint': 'Tên chúng tôi dùng để gọi bạn khi trả lời. Không cần là tên thật.',
  'write.notice': 'Địa chỉ email nhận thông báo',
  'write.notice.hint':
    'Chúng tôi chỉ báo qua email rằng đã có trả lời. Email không ghi nội dung tư vấn hay tên của bạn.',
  'write.call': 'Chúng tôi có thể nói chuyện với bạn qua điện thoại không?',
  'write.call.no': 'Không (chỉ trao đổi bằng văn bản)',
  'write.call.yes': 'Có (quầy tư vấn có thể gọi cho tôi)',
  'write.phone': 'Số điện thoại',
  'write.phone.hint': 'Chỉ điền khi bạn chọn “Có”.',
  'write.passphrase.heading': 'Hãy đặt mật khẩu',
  'write.passphrase.rule':
    'Bạn sẽ nhập mật khẩu cùng với mã số tiếp nhận khi xem trả lời. Dùng ít nhất {min} ký tự và khó để người khác đoán. Ghép khoảng ba từ ngắn lại với nhau sẽ dễ nhớ và khó đoán. Không dùng được ngày sinh hay những chuỗi như “12345678”.',
  'write.passphrase': 'Mật khẩu',
  'write.passphrase2': 'Mật khẩu (nhập lại để xác nhận)',
  'write.honeypot': 'Hãy để trống ô này',

  'done.title': 'Đã gửi',
  'done.code': 'Mã số tiếp nhận của bạn',
  'done.keep':
    'Với mã số tiếp nhận này và mật khẩu bạn đã đặt, bạn có thể xem trả lời và viết tiếp. Hãy ghi lại mã số tiếp nhận. Mật khẩu không được hiển thị trên trang này.',
  'done.next':
    'Nhân viên sẽ đọc và trả lời trên trang này. Vì chúng tôi trả lời trong giờ làm việc nên có thể mất vài ngày.',
  'done.notice': 'Khi có trả lời, chúng tôi sẽ báo cho bạn qua địa chỉ email đã đăng ký.',
  'done.open': 'Xem nội dung tư vấn của bạn',

  'return.title': 'Xem trả lời và viết tiếp',
  'return.code': 'Mã số tiếp nhận',
  'return.code.hint': 'Gồm 8 chữ cái và chữ số (ví dụ: ABCD-2345).',
  'return.passphrase': 'Mật khẩu',
  'return.submit': 'Mở',
  'return.failed':
    'Mã số tiếp nhận hoặc mật khẩu không đúng. Nếu nhập sai nhiều lần, bạn sẽ không mở được trong một thời gian.',
  'return.forgot':
    'Nếu quên mật khẩu, hãy viết một thư tư vấn mới. Nếu bạn ghi mã số tiếp nhận cũ, nhân viên sẽ nối với lần tư vấn trước.',

  'thread.title': 'Nội dung tư vấn của bạn',
  'thread.code': 'Mã số tiếp nhận: {code}',
  'thread.you': 'Bạn',
  'thread.staff': 'Nhân viên tư vấn',
  'thread.none': 'Chưa có trả lời. Vui lòng chờ nhân viên trả lời.',
  'thread.removed': '(Nội dung này đã bị xóa vì đã hết thời hạn lưu giữ)',
  'thread.sent': 'Đã gửi.',
  'thread.write': 'Viết tiếp',
  'thread.closed': 'Lần tư vấn này đã kết thúc. Nếu muốn tư vấn tiếp, hãy viết thư mới từ “Viết thư tư vấn”.',
  'thread.leave': 'Đóng trang này',
  'thread.shared':
    'Nếu bạn dùng máy tính hoặc điện thoại chung với gia đình, hãy bấm “Đóng trang này” sau khi xem xong.',
  'thread.expired':
    'Trang tư vấn đã được đóng vì đã lâu không thao tác. Vui lòng nhập lại mã số tiếp nhận và mật khẩu.',
  'thread.left': 'Đã đóng trang tư vấn.',

  'error.choice': 'Vui lòng chọn một trong các lựa chọn',
  'error.who': 'Vui lòng chọn “Bạn là”',
  'error.bodyRequired': 'Vui lòng viết điều bạn muốn tư vấn',
  'error.tooLong': 'Vui lòng viết tối đa {max} ký tự (hiện có {count} ký tự)',
  'error.control': 'Có ký tự không dùng được (ký tự điều khiển). Vui lòng xóa ký tự đó',
  'error.broken': 'Có ký tự bị lỗi. Vui lòng xóa ký tự đó và nhập lại',
  'error.invisible': 'Có ký tự vô hình (như khoảng trắng độ rộng bằng 0). Vui lòng xóa ô này và nhập lại',
  'error.lineBreak': 'Không thể xuống dòng trong ô này',
  'error.email': 'Địa chỉ email không đúng dạng (ví dụ: name@example.jp)',
  'error.phoneRequired': 'Nếu chúng tôi có thể gọi cho bạn, vui lòng ghi số điện thoại',
  'error.phone': 'Vui lòng ghi số điện thoại bằng chữ số (ví dụ: 075-123-4567)',
  'error.passphraseShort': 'Mật khẩu cần có ít nhất {min} ký tự',
  'error.passphraseWeak': 'Mật khẩu này quá dễ đoán. Hãy ghép vài từ ngắn lại để dài hơn',
  'error.passphraseMismatch': 'Mật khẩu xác nhận không giống mật khẩu ban đầu',
  'error.codeRequired': 'Vui lòng nhập mã số tiếp nhận',
  'error.passphraseRequired': 'Vui lòng nhập mật khẩu',
  'error.expired': 'Trang này đã hết hạn. Vui lòng kiểm tra nội dung và gửi lại.',
  'error.tooMany':
    'Có quá nhiều lần gửi trong thời gian ngắn nên không thể tiếp nhận. Vui lòng chờ một lúc rồi gửi lại.',
  'error.server': 'Đã xảy ra lỗi. Vui lòng chờ một chút rồi thử lại.',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Không có dịch vụ tư vấn trực tuyến ở địa chỉ này. Vui lòng kiểm tra lại địa chỉ.',

  // 家族向けの研修会・家族教室 (server/public-site/seminar-pages.ts)
  'seminars.title': 'Buổi học và lớp dành cho gia đình',
  'seminars.lead':
    'Buổi học và lớp học dành cho gia đình của người đang ở trong tình trạng hikikomori. Không cần tài khoản để đăng ký.',
  'seminars.none': 'Hiện không có buổi học hay lớp nào đang nhận đăng ký.',
  'seminars.when': 'Thời gian: {when}',
  'seminars.place': 'Địa điểm: {place}',
  'seminars.online': 'Tổ chức trực tuyến',
  'seminars.audience': 'Đối tượng: {audience}',
  'seminars.seats': 'Sức chứa {capacity} người (còn {left} chỗ)',
  'seminars.full':
    'Đã đủ chỗ. Nếu đăng ký, bạn sẽ vào danh sách chờ và được xếp chỗ theo thứ tự khi có chỗ trống.',
  'seminars.apply': 'Đăng ký',
  'seminars.form.title': 'Đăng ký: {title}',
  'seminars.form.intro':
    'Chỉ cần điền các mục “Bắt buộc”. Để nhận nhắc nhở, chỉ cần địa chỉ email hoặc số điện thoại.',
  'seminars.form.name': 'Tên hoặc biệt danh',
  'seminars.form.attendees': 'Số người tham dự',
  'seminars.form.email': 'Địa chỉ email (để nhắc vào ngày hôm trước)',
  'seminars.form.phone': 'Số điện thoại (để nhắc vào ngày hôm trước)',
  'seminars.form.contact': 'Nếu không có email, chúng tôi có thể gọi điện vào ngày hôm trước.',
  'seminars.form.needs': 'Hỗ trợ cần thiết',
  'seminars.form.childcare': 'Cần giữ trẻ',
  'seminars.form.sign': 'Cần phiên dịch ngôn ngữ ký hiệu',
  'seminars.form.note': 'Điều khác muốn cho chúng tôi biết',
  'seminars.mine.title': 'Tình trạng đăng ký của bạn',
  'seminars.mine.confirmed': 'Bạn đã có chỗ.',
  'seminars.mine.waitlisted':
    'Bạn đang trong danh sách chờ (số {position}). Khi có chỗ trống, bạn sẽ được xếp theo thứ tự và được báo qua email nếu có.',
  'seminars.mine.cancelled': 'Đăng ký này đã bị hủy.',
  'seminars.mine.keep': 'Hãy lưu địa chỉ của trang này. Bạn có thể hủy tại đây.',
  'seminars.mine.cancel': 'Hủy đăng ký',
  'error.nameRequired': 'Vui lòng viết tên hoặc biệt danh',
  'error.attendees': 'Vui lòng viết số người từ 1 đến {max}',
  'survey.anonymous': 'Khảo sát này là ẩn danh. Vui lòng không ghi tên hoặc địa chỉ.',
  'survey.multiple': 'Chọn tất cả các mục phù hợp',
  'survey.other': 'Nội dung của “Khác”',
  'survey.send': 'Gửi câu trả lời',
  'survey.done.title': 'Đã nhận câu trả lời của bạn',
  'survey.done.body': 'Cảm ơn bạn đã hợp tác.',
  'survey.closed.title': 'Khảo sát này hiện không nhận câu trả lời',
  'survey.closed.body': 'Khảo sát đã kết thúc hoặc chưa bắt đầu.',
  'survey.used.title': 'Không thể dùng trang trả lời này',
  'survey.used.body':
    'Trang này đã được dùng để gửi câu trả lời, hoặc địa chỉ trang không đúng. Mỗi trang chỉ trả lời được một lần.',
  'survey.agree':
    'Tôi đồng ý để câu trả lời này được gắn vào hồ sơ tư vấn của tôi (nếu không đánh dấu, câu trả lời sẽ được xử lý ẩn danh)',
  'error.answerRequired': 'Vui lòng trả lời câu hỏi này',
}
