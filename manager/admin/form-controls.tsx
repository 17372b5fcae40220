// Inputs of the admin pages. Each knows the configuration path it edits, so the server's
// message for that path appears right under it.
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useConfigEditor } from './config-editor';

export function IssueText(props: { path?: string | undefined }) {
  const { issuesAt } = useConfigEditor();
  if (!props.path) return null;
  const messages = issuesAt(props.path);
  if (messages.length === 0) return null;
  return (
    <span class="field-issue" role="alert" data-issue-path={props.path}>
      {messages.join(' ')}
    </span>
  );
}

/** A labelled control with its hint and any message for its path. */
export function Labelled(props: { label: string; path?: string; hint?: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <label class={`labelled${props.wide ? ' wide' : ''}`}>
      <span class="label-text">{props.label}</span>
      {props.children}
      {props.hint && <span class="hint">{props.hint}</span>}
      <IssueText path={props.path} />
    </label>
  );
}

type InputAttrs = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onInput'>;

export function TextBox(props: InputAttrs & { value: string; onChange: (v: string) => void; path?: string }) {
  const { value, onChange, path, ...rest } = props;
  const { issuesAt } = useConfigEditor();
  return (
    <input
      type="text"
      {...rest}
      value={value}
      aria-invalid={path && issuesAt(path).length ? 'true' : undefined}
      data-path={path}
      onInput={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/**
 * A name in a table: one line of text that wraps and grows instead of hiding its end, so
 * "Lao động – Thương binh – Xã hội" is read whole in a narrow column. Enter adds no line.
 */
export function NameBox(props: { value: string; onChange: (v: string) => void; path?: string; class?: string; name?: string; maxLength?: number; 'aria-label'?: string }) {
  const { value, onChange, path, ...rest } = props;
  const { issuesAt } = useConfigEditor();
  return (
    <textarea
      rows={1}
      spellcheck={false}
      {...rest}
      class={`name-box ${props.class ?? ''}`}
      value={value}
      aria-invalid={path && issuesAt(path).length ? 'true' : undefined}
      data-path={path}
      onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      onInput={(e) => onChange(e.currentTarget.value.replace(/\s*\n\s*/g, ' '))}
    />
  );
}

/** A number; empty is null (for "no limit"), anything else unparsable is sent as is for the server to name. */
export function NumberBox(props: InputAttrs & { value: number | null; onChange: (v: number | null) => void; path?: string }) {
  const { value, onChange, path, ...rest } = props;
  const { issuesAt } = useConfigEditor();
  return (
    <input
      type="number"
      inputMode="decimal"
      {...rest}
      value={value === null || Number.isNaN(value) ? '' : String(value)}
      aria-invalid={path && issuesAt(path).length ? 'true' : undefined}
      data-path={path}
      onInput={(e) => {
        const raw = e.currentTarget.value.trim();
        onChange(raw === '' ? null : Number(raw));
      }}
    />
  );
}

export function CheckBox(props: { checked: boolean; onChange: (v: boolean) => void; label: string; path?: string }) {
  return (
    <label class="check">
      <input type="checkbox" checked={props.checked} data-path={props.path} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <span>{props.label}</span>
      <IssueText path={props.path} />
    </label>
  );
}

/** Moves an item of a list one place up (-1) or down (+1), in place. */
export function move<T>(list: T[], index: number, by: -1 | 1): void {
  const to = index + by;
  if (to < 0 || to >= list.length) return;
  [list[index], list[to]] = [list[to], list[index]];
}
