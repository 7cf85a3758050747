// `npm run check:boundaries`: fails, naming file:line and the rule, when an import crosses a boundary.
import { checkBoundaries, formatViolation } from './boundaries.ts'

const violations = checkBoundaries(process.cwd())
if (violations.length > 0) {
  console.error(`Import boundaries broken (${violations.length}); see ARCHITECTURE.md, "Boundaries":`)
  for (const v of violations) console.error(`  ${formatViolation(v)}`)
  process.exit(1)
}
console.log('Import boundaries: none crossed.')
