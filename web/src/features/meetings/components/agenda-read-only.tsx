import type { AgendaItem } from '../meeting-types.ts'
import { AgendaCaseFacts } from './agenda-case-facts.tsx'
import { AgendaSection, AgendaToc, type CaseState, useOpenSections } from './agenda-disclosure.tsx'
import { DecisionView } from './decision-view.tsx'

const PREFIX = 'case'

/** The agenda's cases and decisions for those who read the meeting (ward staff, agencies). */
export function AgendaReadOnly({ agenda }: { agenda: AgendaItem[] }) {
  const sections = useOpenSections(agenda)
  if (agenda.length === 0) return <p className="text-std-16N-170">この会議の議題はまだ登録されていません。</p>
  const stateOf = (item: AgendaItem): CaseState => (item.decision ? 'decided' : 'undecided')
  const decided = agenda.filter((i) => i.decision).length
  return (
    <div className="flex flex-col gap-6">
      <AgendaToc
        prefix={PREFIX}
        agenda={agenda}
        stateOf={stateOf}
        sections={sections}
        summary={`全${agenda.length}件のうち決定済 ${decided}件`}
      />
      {agenda.map((item, i) => (
        <AgendaSection
          key={item.caseId}
          prefix={PREFIX}
          item={item}
          index={i}
          state={stateOf(item)}
          sections={sections}
        >
          <AgendaCaseFacts item={item} />
          <div>
            <h4 className="mb-2 text-std-17B-170">この会議での決定</h4>
            {item.decision ? (
              <DecisionView decision={item.decision} />
            ) : (
              <p className="text-std-16N-170">まだ決定は記録されていません。</p>
            )}
          </div>
        </AgendaSection>
      ))}
    </div>
  )
}
