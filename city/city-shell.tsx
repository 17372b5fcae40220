// The frame around every page: the sidebar with the sections.
import type { ComponentChildren } from 'preact';
import { href } from '../manager/hash-route';
import { appTexts, navTexts as t } from './texts';

const SECTIONS = [
  { id: 'hom-nay', label: t.today, icon: '◉' },
  { id: 'bao-cao', label: t.reports, icon: '▤' },
  { id: 'trung-tam', label: t.centres, icon: '⌂' },
  { id: 'danh-muc', label: t.catalogue, icon: '☰' },
];

export function CityShell(props: { section: string; onSignOut: () => void; children: ComponentChildren }) {
  return (
    <div class="shell">
      <nav class="sidebar" aria-label={appTexts.title}>
        <div class="brand">
          <div class="brand-title">{appTexts.title}</div>
          <div class="brand-centre">{appTexts.subtitle}</div>
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
          <button type="button" class="link-button" onClick={props.onSignOut}>
            {appTexts.signOut}
          </button>
        </div>
      </nav>
      <main class="content">{props.children}</main>
    </div>
  );
}
