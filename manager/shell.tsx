// The frame around every page: the sidebar with the three sections, the centre's name and
// who is signed in. Hidden when printing.
import type { ComponentChildren } from 'preact';
import type { ConnectionStatus } from '@client/connection';
import { href } from './hash-route';
import { appTexts, navTexts as t } from './texts';

const SECTIONS: ShellSection[] = [
  { id: 'hom-nay', label: t.today, icon: '◉' },
  { id: 'bao-cao', label: t.reports, icon: '▤' },
  { id: 'quan-tri', label: t.admin, icon: '⚙' },
];

export interface ShellSection {
  id: string;
  label: string;
  icon: string;
}

/** sections and title let the city managers' app wear the same frame. */
export function Shell(props: {
  section: string;
  userName: string;
  centreName: string;
  status: ConnectionStatus;
  onSignOut: () => void;
  children: ComponentChildren;
  sections?: ShellSection[];
  title?: string;
}) {
  const sections = props.sections ?? SECTIONS;
  return (
    <div class="shell">
      <nav class="sidebar" aria-label={props.title ?? appTexts.title}>
        <div class="brand">
          <div class="brand-title">{props.title ?? appTexts.title}</div>
          <div class="brand-centre">{props.centreName}</div>
        </div>
        <ul class="nav-list">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={href(s.id)} class={props.section === s.id ? 'active' : ''} data-nav={s.id} aria-current={props.section === s.id ? 'page' : undefined}>
                <span class="nav-icon" aria-hidden="true">
                  {s.icon}
                </span>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
        <div class="sidebar-foot">
          <div class="signed-in-as">
            {t.signedInAs} <strong>{props.userName}</strong>
          </div>
          <button type="button" class="link-button" onClick={props.onSignOut}>
            {t.signOut}
          </button>
        </div>
      </nav>
      <main class="content">
        {props.status === 'offline' && (
          <div class="banner warn" role="status">
            {appTexts.offline}
          </div>
        )}
        {props.children}
      </main>
    </div>
  );
}
