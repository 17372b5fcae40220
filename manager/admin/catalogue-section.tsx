// The procedure catalogue shown on the look-up screens: where it came from, importing a
// new file (refused whole with its errors line by line), and a quick search.
import { useState } from 'preact/hooks';
import type { ImportError } from '@protocol/catalogue';
import { useApi } from '../api-client';
import { Card } from '../card';
import { count, dateTimeText } from '../format';
import { appTexts, catalogueTexts as t } from '../texts';
import { useResource } from '../use-resource';

export function CatalogueSection() {
  const client = useApi();
  const info = useResource('procedures:info', {});
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ count: number } | { errors: ImportError[] } | { failed: string } | null>(null);
  const [query, setQuery] = useState('');
  const results = useResource('procedures:search', { q: query, limit: 30 });

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    const res = await client.upload('catalogue:import', { filename: file.name }, file);
    setBusy(false);
    const body = res.body;
    if (body && 'ok' in body && body.ok) {
      setOutcome({ count: body.count });
      void info.reload();
      void results.reload();
    } else if (body && 'errors' in body) setOutcome({ errors: body.errors });
    else setOutcome({ failed: appTexts.notAvailable });
  };

  return (
    <div class="stack">
      <Card title={t.current}>
        {info.data && (
          <p data-catalogue-count={info.data.count}>
            <strong>{t.procedures(count(info.data.count))}</strong> ·{' '}
            {info.data.source === 'sample' ? t.sourceSample : t.sourceImport(info.data.filename, dateTimeText(info.data.importedAt))}
          </p>
        )}
      </Card>
      <Card title={t.importHeading} intro={t.importIntro}>
        <div class="file-row">
          <label class="labelled inline">
            <span class="label-text">{t.chooseFile}</span>
            <input type="file" name="catalogue-file" accept=".xlsx,.csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </label>
          <button type="button" class="primary" data-action="import-catalogue" disabled={!file || busy} onClick={upload}>
            {busy ? t.importing : t.import}
          </button>
        </div>
        {outcome && 'count' in outcome && <p class="banner ok">{t.imported(count(outcome.count))}</p>}
        {outcome && 'failed' in outcome && <p class="banner error">{outcome.failed}</p>}
        {outcome && 'errors' in outcome && (
          <div class="import-errors" role="alert">
            <p class="error">{t.errorsHeading(count(outcome.errors.length))}</p>
            <div class="table-scroll"><table class="data-table">
              <thead>
                <tr>
                  <th class="num">{t.line}</th>
                  <th>{t.column}</th>
                  <th>{t.message}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.errors.map((e, i) => (
                  <tr key={i} data-line={e.line}>
                    <td class="num">{e.line === 0 ? t.wholeFile : e.line}</td>
                    <td class="nowrap">{e.column ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table></div>
          </div>
        )}
      </Card>
      <Card title={t.searchHeading}>
        <input type="search" class="w-wide" placeholder={t.search} aria-label={t.search} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {results.data && results.data.length === 0 && <p class="muted">{t.noResults}</p>}
        {results.data && results.data.length > 0 && (
          <div class="table-scroll"><table class="data-table">
            <thead>
              <tr>
                <th>{t.code}</th>
                <th>{t.name}</th>
                <th>{t.level}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.map((p) => (
                <tr key={p.code}>
                  <td class="mono">{p.code}</td>
                  <td>{p.name}</td>
                  <td>{p.level}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </Card>
    </div>
  );
}
