// Administration: the configuration tabs (saved together from one draft; the device list is
// configuration too) and the system tabs (accounts, devices, backups, catalogue, audit log).
import type { FunctionComponent } from 'preact';
import type { LiveData } from '@client/connection';
import { href } from '../hash-route';
import { adminTexts as t } from '../texts';
import { AppointmentsSection } from './appointments-section';
import { AuditSection } from './audit-section';
import { BackupSection } from './backup-section';
import { CallsSection } from './calls-section';
import { CatalogueSection } from './catalogue-section';
import { CityLinkSection } from './city-link-section';
import { CountersSection } from './counters-section';
import { DevicesSection } from './devices-section';
import { FieldsSection } from './fields-section';
import { GeneralSection } from './general-section';
import { HoursSection } from './hours-section';
import { PrioritySection } from './priority-section';
import { RatingSection } from './rating-section';
import { SaveBar } from './save-bar';
import { UsersSection } from './users-section';
import { VoiceSection } from './voice-section';

interface Tab {
  id: string;
  label: string;
  view: FunctionComponent<{ live: LiveData }>;
  group: 'config' | 'system';
}

const TABS: Tab[] = [
  { id: 'chung', label: t.tabs.general, view: GeneralSection, group: 'config' },
  { id: 'linh-vuc', label: t.tabs.fields, view: FieldsSection, group: 'config' },
  { id: 'quay', label: t.tabs.counters, view: CountersSection, group: 'config' },
  { id: 'uu-tien', label: t.tabs.priority, view: PrioritySection, group: 'config' },
  { id: 'gio-lam-viec', label: t.tabs.hours, view: HoursSection, group: 'config' },
  { id: 'lich-hen', label: t.tabs.appointments, view: AppointmentsSection, group: 'config' },
  { id: 'danh-gia', label: t.tabs.rating, view: RatingSection, group: 'config' },
  { id: 'goi-so', label: t.tabs.calls, view: CallsSection, group: 'config' },
  // Recordings are kept clip by clip, not with the configuration draft.
  { id: 'giong-doc', label: t.tabs.voice, view: VoiceSection, group: 'system' },
  { id: 'tai-khoan', label: t.tabs.users, view: UsersSection, group: 'system' },
  { id: 'thiet-bi', label: t.tabs.devices, view: DevicesSection, group: 'system' },
  { id: 'sao-luu', label: t.tabs.backup, view: BackupSection, group: 'system' },
  { id: 'thu-tuc', label: t.tabs.catalogue, view: CatalogueSection, group: 'system' },
  { id: 'thanh-pho', label: t.tabs.cityLink, view: CityLinkSection, group: 'system' },
  { id: 'nhat-ky', label: t.tabs.audit, view: AuditSection, group: 'system' },
];

export function AdminPage(props: { tab: string; live: LiveData }) {
  const tab = TABS.find((x) => x.id === props.tab) ?? TABS[0];
  const View = tab.view;
  const group = (name: Tab['group']) => TABS.filter((x) => x.group === name);
  return (
    <div class="page admin">
      <header class="page-head">
        <h1>{t.heading}</h1>
      </header>
      <div class="admin-layout">
        <nav class="admin-tabs" aria-label={t.heading}>
          {[
            { title: t.groupConfig, tabs: group('config') },
            { title: t.groupSystem, tabs: group('system') },
          ].map((g) => (
            <div key={g.title} class="tab-group">
              <div class="tab-group-title">{g.title}</div>
              {g.tabs.map((x) => (
                <a key={x.id} href={href('quan-tri', x.id)} class={x.id === tab.id ? 'active' : ''} data-tab={x.id} aria-current={x.id === tab.id ? 'page' : undefined}>
                  {x.label}
                </a>
              ))}
            </div>
          ))}
        </nav>
        <div class="admin-body">
          <View live={props.live} />
          {/* On every tab: unsaved edits made on another tab stay in sight. */}
          <SaveBar />
        </div>
      </div>
    </div>
  );
}
