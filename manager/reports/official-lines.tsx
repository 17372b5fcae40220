// The sentences the official report needs, worded as the centres' reports word them,
// with one button to copy them all.
import { useState } from 'preact/hooks';
import { copyText } from '../copy-text';
import { reportTexts as t } from '../texts';

export function OfficialLines(props: { lines: string[] }) {
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    setCopied((await copyText(props.lines.join('\n'))) ? 'ok' : 'failed');
    setTimeout(() => setCopied('idle'), 3000);
  };
  return (
    <div class="official">
      <div class="official-head no-print">
        <p class="muted">{t.sentencesIntro}</p>
        <button type="button" class="secondary" onClick={copy} data-action="copy-sentences">
          {copied === 'ok' ? `✓ ${t.copied}` : t.copy}
        </button>
      </div>
      {copied === 'failed' && <p class="error">{t.copyFailed}</p>}
      <ul class="official-lines">
        {props.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
