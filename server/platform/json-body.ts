import type { FastifyInstance } from 'fastify'
import { AppError } from './errors.ts'

/** The largest JSON body any endpoint takes (uploads have their own parser and limit). */
export const JSON_BODY_LIMIT = 1_048_576

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON bodies are decoded strictly: Fastify's own parser turns bytes that are not UTF-8 into
 * U+FFFD without a word, and such text was stored. Here they are a 400 instead; the parsing
 * itself (prototype-poisoning checks included) stays Fastify's.
 */
export function registerJsonParser(app: FastifyInstance) {
  const parseText = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT },
    (request, body, done) => {
      let text: string
      try {
        text = utf8.decode(body as Buffer)
      } catch {
        done(new AppError('validation', '送信されたデータに UTF-8 として読めないバイトがあります'), undefined)
        return
      }
      parseText(request, text, done)
    },
  )
}
