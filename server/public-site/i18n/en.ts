import type { Catalog } from './ja.ts'

export const en: Catalog = {
  'site.name': '{city} Online Consultation',
  'site.skip': 'Skip to main content',
  'site.nav': 'Online consultation menu',
  'site.languages': 'Choose a language',
  'nav.about': 'About this service',
  'nav.write': 'Write to us',
  'nav.return': 'Read replies',

  'about.title': 'Talk to us about social withdrawal (hikikomori), in writing',
  'about.lead':
    'If you, or someone in your family, are struggling with social withdrawal, you can write to us here. You can write at any time of day or night, and you do not have to make a phone call.',
  'about.anonymous.heading': 'You do not have to give your name',
  'about.anonymous.body':
    'Your name, address and email address are not required. We will not call you unless you tell us that a call is all right.',
  'about.confidential.heading': 'What you write stays confidential',
  'about.confidential.body':
    'Only the staff of the {city} consultation window read what you write. We do not pass it on to your family or anyone else without your consent.',
  'about.after.heading': 'After you send your message',
  'about.after.body':
    'You will see a reference number. A staff member will read your message and reply on this website. Replies are written during office hours, so it may take a few days. With your reference number and passphrase you can read replies and write again at any time.',
  'about.window.heading': 'Office hours and phone',
  'about.window.hours': 'Hours: {hours}',
  'about.window.phone': 'Phone: {phone}',
  'about.window.none': 'Please see the {city} website for the office hours and phone number.',
  'about.start': 'Write to us',
  'about.return': 'Already have a reference number and passphrase? Read replies',

  'crisis.heading': 'If you need to talk to someone right now',
  'crisis.lead':
    'If you feel so bad that you want to die, please do not stay alone with it. Call one of these lines now.',
  'crisis.hours': '({hours})',
  'crisis.emergency': 'If a life is in danger, call 119 (ambulance) or 110 (police).',
  'crisis.afterSend':
    'Your message has reached the window, but a reply may take some time. If you are in great pain right now, please call one of these lines straight away.',

  'field.required': 'Required',
  'field.optional': 'Optional',
  'form.errors': 'Please check what you entered',
  'form.send': 'Send',

  'write.title': 'Write to us',
  'write.intro': 'Only the fields marked “Required” must be filled in. Everything else is up to you.',
  'write.who': 'You are',
  'write.who.self': 'The person concerned (writing about yourself)',
  'write.who.family': 'A family member',
  'write.who.other': 'Someone else (a friend, a supporter, …)',
  'write.age': 'Age of the person you are writing about',
  'write.age.none': 'Prefer not to say',
  'write.age.under40': 'Under 40',
  'write.age.40plus': '40 or older',
  'write.body': 'What would you like to talk about?',
  'write.body.hint': 'It does not need to be well organised. You can write up to {max} characters.',
  'write.nickname': 'Nickname',
  'write.nickname.hint': 'What we call you in our replies. It does not have to be your real name.',
  'write.notice': 'Email address for notifications',
  'write.notice.hint':
    'We only email you that a reply is waiting. The email never contains your message or your name.',
  'write.call': 'May we talk with you by phone?',
  'write.call.no': 'No (writing only)',
  'write.call.yes': 'Yes (the window may call me)',
  'write.phone': 'Phone number',
  'write.phone.hint': 'Only if you chose “Yes”.',
  'write.passphrase.heading': 'Choose a passphrase',
  'write.passphrase.rule':
    'You will enter it together with your reference number to read replies. Use at least {min} characters that other people cannot guess. Three or so short words in a row are easy to remember and hard to guess. Birthdays or things like “12345678” cannot be used.',
  'write.passphrase': 'Passphrase',
  'write.passphrase2': 'Passphrase (again, to confirm)',
  'write.honeypot': 'Leave this field empty',

  'done.title': 'Your message has been sent',
  'done.code': 'Your reference number',
  'done.keep':
    'With this reference number and your passphrase you can read replies and write again. Please write the reference number down. Your passphrase is not shown here.',
  'done.next':
    'A staff member will read your message and reply on this website. Replies are written during office hours, so it may take a few days.',
  'done.notice': 'When a reply arrives, we will let you know at the email address you gave.',
  'done.open': 'See your consultation',

  'return.title': 'Read replies and write again',
  'return.code': 'Reference number',
  'return.code.hint': 'Eight letters and digits (for example ABCD-2345).',
  'return.passphrase': 'Passphrase',
  'return.submit': 'Open',
  'return.failed':
    'The reference number or the passphrase is not correct. After several wrong tries, the consultation cannot be opened for a while.',
  'return.forgot':
    'If you have forgotten your passphrase, please write to us again. If you mention your old reference number, staff can link the two.',

  'thread.title': 'Your consultation',
  'thread.code': 'Reference number: {code}',
  'thread.you': 'You',
  'thread.staff': 'Window staff',
  'thread.none': 'No reply yet. Please wait until a staff member replies.',
  'thread.removed': '(This text was deleted after the retention period.)',
  'thread.sent': 'Your message has been sent.',
  'thread.write': 'Write again',
  'thread.closed': 'This consultation has ended. If you would like to talk again, please use “Write to us”.',
  'thread.leave': 'Close this page',
  'thread.shared':
    'If you are using a computer or phone shared with your family, press “Close this page” when you are done.',
  'thread.expired':
    'Your consultation page was closed because some time has passed. Please enter your reference number and passphrase again.',
  'thread.left': 'Your consultation page has been closed.',

  'error.choice': 'Please choose one of the options',
  'error.who': 'Please choose who you are',
  'error.bodyRequired': 'Please write what you would like to talk about',
  'error.tooLong': 'Please use at most {max} characters (now {count})',
  'error.control': 'This contains characters that cannot be used (control characters). Please delete them',
  'error.broken': 'This contains a broken character. Please delete it and type the text again',
  'error.invisible':
    'This contains invisible characters (such as zero-width spaces). Please clear the field and type it again',
  'error.lineBreak': 'Line breaks cannot be used in this field',
  'error.email': 'This is not a valid email address (for example name@example.jp)',
  'error.phoneRequired': 'If we may call you, please enter your phone number',
  'error.phone': 'Please write the phone number in digits (for example 075-123-4567)',
  'error.passphraseShort': 'Your passphrase needs at least {min} characters',
  'error.passphraseWeak':
    'This passphrase is too easy to guess. Please join a few short words to make it longer',
  'error.passphraseMismatch': 'The two passphrases are not the same',
  'error.codeRequired': 'Please enter your reference number',
  'error.passphraseRequired': 'Please enter your passphrase',
  'error.expired': 'This page had expired. Please check what you wrote and send it again.',
  'error.tooMany':
    'Too many messages were sent in a short time, so this one was not accepted. Please wait a while and send it again.',
  'error.server': 'Something went wrong. Please wait a little and try again.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no online consultation at this address. Please check the address.',

  // 家族向けの研修会・家族教室 (server/public-site/seminar-pages.ts)
  'seminars.title': 'Seminars and classes for families',
  'seminars.lead':
    'Seminars and family classes for families of people in hikikomori. No account is needed to register.',
  'seminars.none': 'There are no seminars or classes open for registration now.',
  'seminars.when': 'When: {when}',
  'seminars.place': 'Where: {place}',
  'seminars.online': 'Held online',
  'seminars.audience': 'For: {audience}',
  'seminars.seats': '{capacity} places ({left} left)',
  'seminars.full':
    'This one is full. If you register, you go on the waiting list and are moved up in order when a place frees.',
  'seminars.apply': 'Register',
  'seminars.form.title': 'Register: {title}',
  'seminars.form.intro':
    'Only the fields marked “Required” are needed. For the reminder, a mail address or a phone number is enough.',
  'seminars.form.name': 'Name or nickname',
  'seminars.form.attendees': 'Number of people attending',
  'seminars.form.email': 'Mail address (for the reminder the day before)',
  'seminars.form.phone': 'Phone number (for the reminder the day before)',
  'seminars.form.contact': 'Without a mail address we may call you the day before.',
  'seminars.form.needs': 'Support you need',
  'seminars.form.childcare': 'I need childcare',
  'seminars.form.sign': 'I need sign language interpretation',
  'seminars.form.note': 'Anything else you would like us to know',
  'seminars.mine.title': 'Your registration',
  'seminars.mine.confirmed': 'You have a place.',
  'seminars.mine.waitlisted':
    'You are on the waiting list (number {position}). When a place frees you are moved up in order, and told by mail if you gave an address.',
  'seminars.mine.cancelled': 'This registration has been cancelled.',
  'seminars.mine.keep': 'Please keep the address of this page. You can cancel here.',
  'seminars.mine.cancel': 'Cancel my registration',
  'error.nameRequired': 'Please write your name or a nickname',
  'error.attendees': 'Please write a number of people from 1 to {max}',
  'survey.anonymous': 'This survey is anonymous. Please do not write your name or address.',
  'survey.multiple': 'Choose all that apply',
  'survey.other': 'Details for “Other”',
  'survey.send': 'Send my answers',
  'survey.done.title': 'Thank you for your answers',
  'survey.done.body': 'Your answers have been received.',
  'survey.closed.title': 'This survey is not open',
  'survey.closed.body': 'It has ended or has not started yet.',
  'survey.used.title': 'This answer page cannot be used',
  'survey.used.body':
    'Answers have already been sent from this page, or its address is not correct. Each page can be used to answer once.',
  'survey.agree':
    'I agree that this answer may be added to the record of my consultation (if you do not tick this, your answer stays anonymous)',
  'error.answerRequired': 'Please answer this question',
}
