// The city's procedure catalogue: imported here once, pulled by every centre.
import { useState } from 'preact/hooks';
import type { ImportError } from '@protocol/catalogue';
import { useCityApi as useApi } from './city-api';
import { Card } from '../manager/card';
import { count, dateTimeText } from '../manager/format';
import { useCityResource as useResource } from './city-api';
import { catalogueTexts as t } from './texts';

export function CataloguePage() {
  const client = useApi();
  const current = useResource('city-catalogue:read', {});
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const upload = async (file: File) => {
    const res = await client.upload('city-catalogue:import', { filename: file.name }, file);
    const body = res.body;
    if (body && 'ok' in body && body.ok) {
      setMessage(t.imported(count(body.count)));
      setErrors([]);
      await current.reload();
    } else {
      setMessage(t.errors);
      setErrors(body && 'errors' in body ? body.errors : []);
    }
  };
  const head = current.data?.head;
  return (
    <div class="page" data-page="city-catalogue">
      <div class="page-head">
        <h1>{t.heading}</h1>
      </div>
      <Card intro={t.intro}>
        <p data-catalogue-head>{head ? t.current(count(head.count), head.filename, dateTimeText(head.importedAt), head.version) : t.none}</p>
        <form
          class="custom-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) void upload(file);
          }}
        >
          <input type="file" name="catalogue-file" accept=".xlsx,.csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          <button type="submit" class="primary" disabled={!file}>
            {t.choose}
          </button>
        </form>
        {message && (
          <p class={errors.length ? 'error' : ''} role="status">
            {message}
          </p>
        )}
        {errors.length > 0 && (
          <ul>
            {errors.slice(0, 50).map((e, i) => (
              <li key={i}>
                {t.line(e.line)}
                {e.column ? ` (${e.column})` : ''}: {e.message}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
