import type { Catalog } from './ja.ts'

// Português do Brasil: most Portuguese speakers living in Japan came from Brazil.
export const pt: Catalog = {
  'site.name': 'Consulta on-line de {city}',
  'site.skip': 'Ir para o conteúdo principal',
  'site.nav': 'Menu da consulta on-line',
  'site.languages': 'Escolher o idioma',
  'nav.about': 'Sobre a consulta on-line',
  'nav.write': 'Escrever uma consulta',
  'nav.return': 'Ver respostas',

  'about.title': 'Consulta por escrito sobre isolamento social (hikikomori)',
  'about.lead':
    'Se você ou alguém da sua família sofre com isolamento social, pode escrever para nós aqui. Você pode escrever a qualquer hora do dia ou da noite, sem precisar telefonar.',
  'about.anonymous.heading': 'Você não precisa dizer seu nome',
  'about.anonymous.body':
    'Nome, endereço e e-mail não são necessários. Não vamos telefonar para você, a não ser que você diga que podemos ligar.',
  'about.confidential.heading': 'O que você escreve fica em sigilo',
  'about.confidential.body':
    'Somente a equipe do balcão de consultas de {city} lê o que você escreve. Não contamos nada à sua família nem a outras pessoas sem o seu consentimento.',
  'about.after.heading': 'Depois de enviar',
  'about.after.body':
    'Ao enviar, você verá um número de atendimento. Uma pessoa da equipe vai ler e responder nesta página. As respostas são escritas no horário de atendimento, por isso podem levar alguns dias. Com o número de atendimento e a senha, você pode ler as respostas e escrever de novo a qualquer momento.',
  'about.window.heading': 'Horário e telefone do atendimento',
  'about.window.hours': 'Horário: {hours}',
  'about.window.phone': 'Telefone: {phone}',
  'about.window.none': 'Consulte o horário e o telefone no site de {city}.',
  'about.start': 'Escrever uma consulta',
  'about.return': 'Já tem número de atendimento e senha? Ver respostas',

  'crisis.heading': 'Se você precisa falar com alguém agora',
  'crisis.lead':
    'Se você está sofrendo tanto que pensa em morrer, não fique sozinho com isso. Ligue agora para um destes números.',
  'crisis.hours': '({hours})',
  'crisis.emergency': 'Se houver risco de vida, ligue para 119 (ambulância) ou 110 (polícia).',
  'crisis.afterSend':
    'Sua mensagem chegou ao balcão de consultas, mas a resposta pode demorar. Se você está sofrendo muito agora, ligue imediatamente para um destes números.',

  'field.required': 'Obrigatório',
  'field.optional': 'Opcional',
  'form.errors': 'Verifique o que você preencheu',
  'form.send': 'Enviar',

  'write.title': 'Escrever uma consulta',
  'write.intro':
    'Basta preencher os campos marcados como “Obrigatório” para enviar. Os outros são opcionais.',
  'write.who': 'Você é',
  'write.who.self': 'A própria pessoa (escrevo sobre mim)',
  'write.who.family': 'Alguém da família',
  'write.who.other': 'Outra pessoa (amigo, apoiador etc.)',
  'write.age': 'Idade da pessoa sobre quem você escreve',
  'write.age.none': 'Prefiro não dizer',
  'write.age.under40': 'Até 39 anos',
  'write.age.40plus': '40 anos ou mais',
  'write.body': 'Sobre o que você quer conversar',
  'write.body.hint': 'Não precisa estar organizado. Você pode escrever até {max} caracteres.',
  'write.nickname': 'Apelido',
  'write.nickname.hint': 'O nome que usaremos nas respostas. Não precisa ser o seu nome verdadeiro.',
  'write.notice': 'E-mail para avisos',
  'write.notice.hint':
    'Só avisamos por e-mail que há uma resposta. O e-mail nunca contém o conteúdo da consulta nem o seu nome.',
  'write.call': 'Podemos conversar com você por telefone?',
  'write.call.no': 'Não (só por escrito)',
  'write.call.yes': 'Sim (o balcão pode me ligar)',
  'write.phone': 'Número de telefone',
  'write.phone.hint': 'Preencha somente se escolheu “Sim”.',
  'write.passphrase.heading': 'Escolha uma senha',
  'write.passphrase.rule':
    'Você vai digitá-la junto com o número de atendimento para ler as respostas. Use pelo menos {min} caracteres, algo difícil de adivinhar. Umas três palavras curtas juntas são fáceis de lembrar e difíceis de adivinhar. Datas de aniversário ou algo como “12345678” não podem ser usados.',
  'write.passphrase': 'Senha',
  'write.passphrase2': 'Senha (repita para confirmar)',
  'write.honeypot': 'Deixe este campo em branco',

  'done.title': 'Mensagem enviada',
  'done.code': 'Seu número de atendimento',
  'done.keep':
    'Com este número de atendimento e a senha que você escolheu, você pode ler as respostas e escrever de novo. Anote o número de atendimento. A senha não é mostrada nesta tela.',
  'done.next':
    'Uma pessoa da equipe vai ler e responder nesta página. As respostas são escritas no horário de atendimento, por isso podem levar alguns dias.',
  'done.notice': 'Quando chegar uma resposta, avisaremos no e-mail que você informou.',
  'done.open': 'Ver a sua consulta',

  'return.title': 'Ver respostas e escrever de novo',
  'return.code': 'Número de atendimento',
  'return.code.hint': 'Oito letras e números (por exemplo: ABCD-2345).',
  'return.passphrase': 'Senha',
  'return.submit': 'Abrir',
  'return.failed':
    'O número de atendimento ou a senha não está correto. Depois de várias tentativas erradas, a consulta fica bloqueada por um tempo.',
  'return.forgot':
    'Se você esqueceu a senha, escreva uma nova consulta. Se mencionar o número de atendimento antigo, a equipe liga as duas consultas.',

  'thread.title': 'Sua consulta',
  'thread.code': 'Número de atendimento: {code}',
  'thread.you': 'Você',
  'thread.staff': 'Equipe do atendimento',
  'thread.none': 'Ainda não há resposta. Aguarde até que alguém da equipe responda.',
  'thread.removed': '(Este texto foi apagado porque o prazo de guarda terminou)',
  'thread.sent': 'Mensagem enviada.',
  'thread.write': 'Escrever de novo',
  'thread.closed': 'Esta consulta foi encerrada. Se quiser conversar de novo, use “Escrever uma consulta”.',
  'thread.leave': 'Fechar esta página',
  'thread.shared':
    'Se você usa um computador ou celular compartilhado com a família, clique em “Fechar esta página” ao terminar.',
  'thread.expired':
    'A página da consulta foi fechada porque passou algum tempo. Digite de novo o número de atendimento e a senha.',
  'thread.left': 'A página da consulta foi fechada.',

  'error.choice': 'Escolha uma das opções',
  'error.who': 'Escolha quem você é',
  'error.bodyRequired': 'Escreva sobre o que você quer conversar',
  'error.tooLong': 'Use no máximo {max} caracteres (agora são {count})',
  'error.control': 'Há caracteres que não podem ser usados (caracteres de controle). Apague-os',
  'error.broken': 'Há um caractere corrompido. Apague-o e digite o texto de novo',
  'error.invisible':
    'Há caracteres invisíveis (como espaços de largura zero). Apague o campo e digite de novo',
  'error.lineBreak': 'Não é possível mudar de linha neste campo',
  'error.email': 'O e-mail não está em um formato válido (por exemplo: name@example.jp)',
  'error.phoneRequired': 'Se podemos ligar para você, informe o número de telefone',
  'error.phone': 'Escreva o número de telefone com algarismos (por exemplo: 075-123-4567)',
  'error.passphraseShort': 'A senha precisa ter pelo menos {min} caracteres',
  'error.passphraseWeak':
    'Esta senha é fácil demais de adivinhar. Junte algumas palavras curtas para deixá-la mais longa',
  'error.passphraseMismatch': 'As duas senhas não são iguais',
  'error.codeRequired': 'Digite o número de atendimento',
  'error.passphraseRequired': 'Digite a senha',
  'error.expired': 'Esta página tinha expirado. Confira o que escreveu e envie de novo.',
  'error.tooMany':
    'Foram enviadas muitas mensagens em pouco tempo, por isso esta não foi aceita. Espere um pouco e envie de novo.',
  'error.server': 'Algo deu errado. Espere um pouco e tente de novo.',

  'notFound.title': 'Página não encontrada',
  'notFound.body': 'Não há consulta on-line neste endereço. Verifique o endereço.',

  // 家族向けの研修会・家族教室 (server/public-site/seminar-pages.ts)
  'seminars.title': 'Seminários e encontros para famílias',
  'seminars.lead':
    'Seminários e encontros para famílias de pessoas em situação de hikikomori. Não é preciso ter conta para se inscrever.',
  'seminars.none': 'Não há seminários nem encontros com inscrições abertas no momento.',
  'seminars.when': 'Quando: {when}',
  'seminars.place': 'Local: {place}',
  'seminars.online': 'Realizado pela internet',
  'seminars.audience': 'Para: {audience}',
  'seminars.seats': '{capacity} vagas (restam {left})',
  'seminars.full':
    'Está lotado. Se você se inscrever, entra na lista de espera e é chamado por ordem quando abrir uma vaga.',
  'seminars.apply': 'Inscrever-se',
  'seminars.form.title': 'Inscrição: {title}',
  'seminars.form.intro':
    'Basta preencher os campos “Obrigatório”. Para o lembrete, basta um e-mail ou um telefone.',
  'seminars.form.name': 'Nome ou apelido',
  'seminars.form.attendees': 'Número de participantes',
  'seminars.form.email': 'E-mail (para o lembrete na véspera)',
  'seminars.form.phone': 'Telefone (para o lembrete na véspera)',
  'seminars.form.contact': 'Sem e-mail, podemos telefonar na véspera.',
  'seminars.form.needs': 'Apoio necessário',
  'seminars.form.childcare': 'Preciso de cuidado para crianças',
  'seminars.form.sign': 'Preciso de intérprete de língua de sinais',
  'seminars.form.note': 'Outra coisa que queira nos dizer',
  'seminars.mine.title': 'Sua inscrição',
  'seminars.mine.confirmed': 'Sua vaga está confirmada.',
  'seminars.mine.waitlisted':
    'Você está na lista de espera (número {position}). Quando abrir uma vaga, será chamado por ordem e avisado por e-mail, se informou um.',
  'seminars.mine.cancelled': 'Esta inscrição foi cancelada.',
  'seminars.mine.keep': 'Guarde o endereço desta página. Você pode cancelar aqui.',
  'seminars.mine.cancel': 'Cancelar minha inscrição',
  'error.nameRequired': 'Escreva seu nome ou um apelido',
  'error.attendees': 'Escreva um número de pessoas de 1 a {max}',
  'survey.anonymous': 'Esta pesquisa é anônima. Não escreva seu nome nem endereço.',
  'survey.multiple': 'Escolha todas as opções que se aplicam',
  'survey.other': 'Detalhes de “Outro”',
  'survey.send': 'Enviar respostas',
  'survey.done.title': 'Recebemos suas respostas',
  'survey.done.body': 'Obrigado pela sua colaboração.',
  'survey.closed.title': 'Esta pesquisa não está aberta',
  'survey.closed.body': 'Ela terminou ou ainda não começou.',
  'survey.used.title': 'Esta página de resposta não pode ser usada',
  'survey.used.body':
    'Já foram enviadas respostas por esta página, ou o endereço não está correto. Cada página permite responder uma única vez.',
  'survey.agree':
    'Concordo que esta resposta seja ligada ao registro da minha consulta (sem marcar, a resposta continua anônima)',
  'error.answerRequired': 'Responda a esta pergunta',
}
