// The contracts (shared/contracts/) define each endpoint with its zod schemas, its summary and
// its OpenAPI words; the web app reads a contract's method and path only (web/src/lib/api-client.ts)
// and its plain constants (labels, filters). In the browser build zod is an inert stand-in
// (web/src/lib/zod-stand-in.ts), so the schemas are dead weight: 100 kB of call chains and
// descriptions spread over the pages' chunks. This plugin gives the bundler what it needs to
// drop them: each defineContract({...}) keeps method and path only, and every call in a
// top-level declaration of a contract module is marked pure, so a schema nobody references
// any more is removed with everything it was built from.
import MagicString from 'magic-string'
import { type Plugin, parseAst } from 'vite'

/** What the web app reads of a contract (api-client.ts's Endpoint). */
const KEPT_KEYS = new Set(['method', 'path'])

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

function children(node: Node): Node[] {
  const out: Node[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue
    if (Array.isArray(value)) out.push(...value.filter(isNode))
    else if (isNode(value)) out.push(value)
  }
  return out
}

function keyName(property: Node): string | undefined {
  const key = property.key as Node | undefined
  if (property.type !== 'Property' || property.computed || !key) return undefined
  if (key.type === 'Identifier') return key.name as string
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value
  return undefined
}

function isDefineContract(node: Node): boolean {
  const callee = node.callee as Node
  return node.type === 'CallExpression' && callee.type === 'Identifier' && callee.name === 'defineContract'
}

/** defineContract({ method, path, … }) → defineContract({ method, path }). */
function trimContract(call: Node, code: string, out: MagicString) {
  const [arg] = call.arguments as Node[]
  if (arg?.type !== 'ObjectExpression') return
  const kept = (arg.properties as Node[]).filter((p) => KEPT_KEYS.has(keyName(p) ?? ''))
  out.overwrite(arg.start, arg.end, `{ ${kept.map((p) => code.slice(p.start, p.end)).join(', ')} }`)
}

/** Marks every call and `new` inside `node` pure; functions' bodies run later, if ever, and are left alone. */
function markPure(node: Node, code: string, out: MagicString) {
  if (/Function/.test(node.type)) return
  if (node.type === 'CallExpression' || node.type === 'NewExpression') {
    out.appendLeft(node.start, '/* @__PURE__ */ ')
  }
  // The contract's object is rewritten as a whole: what is left (method, path) calls nothing.
  if (isDefineContract(node)) return trimContract(node, code, out)
  for (const child of children(node)) markPure(child, code, out)
}

/** The browser's version of one contract module's compiled JavaScript. */
export function contractForBrowser(code: string, id: string) {
  const program = parseAst(code) as unknown as Node
  const out = new MagicString(code)
  for (const statement of program.body as Node[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement
    if (declaration?.type !== 'VariableDeclaration') continue
    for (const declarator of declaration.declarations as Node[]) {
      if (isNode(declarator.init)) markPure(declarator.init, code, out)
    }
  }
  return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) }
}

const CONTRACT_MODULE = /\/shared\/contracts\/[^/]+\.ts$/

export function contractsForBrowser(): Plugin {
  return {
    name: 'yorisoi:contracts-for-browser',
    apply: 'build',
    transform(code, id) {
      if (!CONTRACT_MODULE.test(id) || id.endsWith('.test.ts')) return null
      return contractForBrowser(code, id)
    },
  }
}
