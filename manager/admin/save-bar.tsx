// Stays at the bottom of the configuration tabs: unsaved changes, Save / Undo, and every
// message the server gave, each saying where it points (the field may be on another tab).
import { configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { describePath } from './config-paths';

export function SaveBar() {
  const editor = useConfigEditor();
  const { status, dirty, issues } = editor;
  if (!dirty && status.kind !== 'saved' && status.kind !== 'failed') return null;
  return (
    <div class={`save-bar ${status.kind}`} role="region" aria-label={t.saveAll}>
      <div class="save-bar-main">
        <span class="save-state" data-save-state={status.kind}>
          {status.kind === 'saved' && !dirty ? `✓ ${t.saved}` : status.kind === 'invalid' ? t.invalid : status.kind === 'failed' ? status.message : t.unsaved}
        </span>
        {dirty && (
          <span class="save-actions">
            <button type="button" class="secondary" onClick={editor.revert} disabled={status.kind === 'saving'}>
              {t.revert}
            </button>
            <button type="button" class="primary" data-action="save-config" onClick={() => void editor.save()} disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? t.saving : t.saveAll}
            </button>
          </span>
        )}
      </div>
      {status.kind === 'invalid' && issues.length > 0 && (
        <ul class="issue-list">
          {issues.map((i, n) => (
            <li key={n}>
              <strong>{describePath(i.path, editor.draft)}:</strong> {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
