// The look-up screen: search as the citizen types, browse by field, open a procedure.
// Used by the look-up page and by the "Tra cứu thủ tục" mode of the ticket kiosk.
import { useState } from 'preact/hooks';
import type { Procedure } from '@protocol/catalogue';
import type { ServiceConfig } from '@protocol/config';
import { applyKey, OnScreenKeyboard } from '@client/on-screen-keyboard';
import { ProcedureDetail, type TicketAvailability } from './procedure-detail';
import { useProcedureSearch } from './procedure-search';
import { lookupTexts as t } from './texts';

export interface ProcedureLookupProps {
  services: ServiceConfig[];
  /** Whether "take a number" can work for this procedure now, and why not. */
  availability: (p: Procedure) => TicketAvailability;
  onTakeTicket: (p: Procedure) => void;
  /** In the kiosk: the way back to the field buttons. */
  exit?: { label: string; onExit: () => void };
}

export function ProcedureLookup(props: ProcedureLookupProps) {
  const [query, setQuery] = useState('');
  const [fieldId, setFieldId] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<Procedure | null>(null);
  const result = useProcedureSearch(query, fieldId);
  const fieldName = (id: string) => props.services.find((s) => s.id === id)?.name ?? id;
  const browsing = !query.trim() && !fieldId;
  const fields = props.services.filter((s) => s.active);

  if (selected) {
    return (
      <ProcedureDetail
        procedure={selected}
        fieldName={fieldName(selected.serviceId)}
        availability={props.availability(selected)}
        onTakeTicket={() => props.onTakeTicket(selected)}
        onBack={() => setSelected(null)}
      />
    );
  }

  return (
    <section class="lookup">
      <div class="lookup-top">
        {props.exit && (
          <button class="kiosk-back" onClick={props.exit.onExit}>
            ← {props.exit.label}
          </button>
        )}
        <h1>{t.pageTitle}</h1>
      </div>
      <div class="lookup-search">
        <label for="lookup-query">{t.searchLabel}</label>
        <input
          id="lookup-query"
          type="text"
          // The kiosk draws its own keyboard; "none" keeps a system one from covering it.
          inputMode="none"
          autoComplete="off"
          spellcheck={false}
          placeholder={t.searchPlaceholder}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        {query && (
          <button class="lookup-clear" onClick={() => setQuery('')}>
            {t.clearSearch}
          </button>
        )}
      </div>
      <p class="lookup-hint">{t.searchHint}</p>
      {browsing ? (
        <div class="lookup-browse">
          <h2>{t.browseTitle}</h2>
          <div class="lookup-fields">
            {fields.map((s) => (
              <button key={s.id} class="lookup-field" data-service={s.id} onClick={() => setFieldId(s.id)}>
                {s.name}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div class="lookup-results-area">
          <div class="lookup-chips">
            <button class={`lookup-chip ${fieldId ? '' : 'selected'}`} onClick={() => setFieldId(undefined)}>
              {t.allFields}
            </button>
            {fields.map((s) => (
              <button key={s.id} class={`lookup-chip ${fieldId === s.id ? 'selected' : ''}`} data-service={s.id} onClick={() => setFieldId(s.id)}>
                {s.name}
              </button>
            ))}
          </div>
          <ResultList result={result} fieldName={fieldName} onOpen={setSelected} />
        </div>
      )}
      <OnScreenKeyboard onKey={(k) => setQuery((q) => applyKey(q, k))} />
    </section>
  );
}

function ResultList(props: { result: ReturnType<typeof useProcedureSearch>; fieldName: (id: string) => string; onOpen: (p: Procedure) => void }) {
  const { result } = props;
  if (result.status === 'failed') return <p class="lookup-message error">{t.loadFailed}</p>;
  if (result.status !== 'done') return <p class="lookup-message">{t.searching}</p>;
  if (result.procedures.length === 0) return <p class="lookup-message">{t.noResults}</p>;
  return (
    <ul class="lookup-results" aria-label={t.procedureCount(result.procedures.length)}>
      {result.procedures.map((p) => (
        <li key={p.code}>
          <button class="lookup-result" data-code={p.code} onClick={() => props.onOpen(p)}>
            <span class="lookup-result-name">{p.name}</span>
            <span class="lookup-result-meta">
              {props.fieldName(p.serviceId)} · {t.code} {p.code}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
