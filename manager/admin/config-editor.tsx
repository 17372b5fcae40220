// One draft of the centre's configuration shared by every admin tab, so a manager can change
// fields, counters and hours and save once. Saving PUTs the whole configuration; the server
// validates it and every device receives it live. A refusal comes back as paths and
// messages, shown next to the fields and listed in the save bar.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { CentreConfig } from '@protocol/config';
import { errorText } from '@client/texts';
import { useApi } from '../api-client';
import { vietnameseMessage } from './config-messages';

export interface ConfigIssue {
  path: string;
  message: string;
}

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

export interface ConfigEditor {
  saved: CentreConfig;
  draft: CentreConfig;
  dirty: boolean;
  /** Changes the draft: `change` receives a copy it may mutate. */
  edit(change: (draft: CentreConfig) => void): void;
  save(): Promise<boolean>;
  revert(): void;
  issues: ConfigIssue[];
  issuesAt(path: string): string[];
  status: SaveStatus;
}

const ConfigContext = createContext<ConfigEditor | null>(null);

export function useConfigEditor(): ConfigEditor {
  const editor = useContext(ConfigContext);
  if (!editor) throw new Error('useConfigEditor outside <ConfigEditorProvider>');
  return editor;
}

/** Loaded once; `live` is the configuration the socket last announced (another manager's save). */
export function ConfigEditorProvider(props: { initial: CentreConfig; live: CentreConfig | null; children: ComponentChildren }) {
  const client = useApi();
  const [saved, setSaved] = useState(props.initial);
  const [draft, setDraft] = useState(props.initial);
  const [issues, setIssues] = useState<ConfigIssue[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const dirty = useMemo(() => JSON.stringify(saved) !== JSON.stringify(draft), [saved, draft]);

  // Another manager saved: follow it unless this manager has edits of their own in progress.
  useEffect(() => {
    if (!props.live || JSON.stringify(props.live) === JSON.stringify(saved)) return;
    setSaved(props.live);
    if (!dirty) setDraft(props.live);
  }, [props.live]);

  const editor: ConfigEditor = {
    saved,
    draft,
    dirty,
    edit(change) {
      const next = structuredClone(draft);
      change(next);
      setDraft(next);
      if (status.kind === 'saved') setStatus({ kind: 'idle' });
    },
    async save() {
      setStatus({ kind: 'saving' });
      const res = await client.request('config:save', draft);
      if (res.ok) {
        setSaved(res.data);
        setDraft(res.data);
        setIssues([]);
        setStatus({ kind: 'saved' });
        return true;
      }
      if (res.error.details?.length) {
        setIssues(res.error.details.map((d) => ({ path: d.path, message: vietnameseMessage(d.message) })));
        setStatus({ kind: 'invalid' });
      } else {
        setIssues([]);
        setStatus({ kind: 'failed', message: errorText(res.error) });
      }
      return false;
    },
    revert() {
      setDraft(saved);
      setIssues([]);
      setStatus({ kind: 'idle' });
    },
    issues,
    issuesAt: (path) => issues.filter((i) => i.path === path).map((i) => i.message),
    status,
  };
  return <ConfigContext.Provider value={editor}>{props.children}</ConfigContext.Provider>;
}
