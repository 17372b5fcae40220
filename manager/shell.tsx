// The frame around every page: the sidebar with the three sections, the centre's name and
// who is signed in. Hidden when printing.
import type { ComponentChildren } from 'preact';
import type { ConnectionStatus } from '@client/connection';
import { href } from './hash-route';
import { appTexts, navTexts as t } from './texts';

const SECTIONS = [
  { id: 'hom-nay', label: t.today, icon: '◉' },
  { id: 'bao-cao', label: t.reports, icon: '▤' },
  { id: 'quan-tri', label: t.admin, icon: '⚙' },
];

export function Shell(props: { section: string; userName: string; centreName: string; status: ConnectionStatus; onSignOut: () => void; children: ComponentChildren }) {
  return (
    <div class="shell">
      <nav class="sidebar" aria-label={appTexts.title}>
        <div class="brand">
          <div class="brand-title">{appTexts.title}</div>
          <div class="brand-centre">{props.centreName}</div>
        </div>
        <ul class="nav-list">
          {SECTIONS.map((s) => (
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
