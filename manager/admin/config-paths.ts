// Where in the configuration a server message points, said the way the admin pages name it:
// "services.2.numberEnd" → "Lĩnh vực “Đất đai” › Số cuối".
import type { CentreConfig } from '@protocol/config';
import { configLeafNames, configPathNames, configTexts, pathTexts } from '../texts';

export function describePath(path: string, config: CentreConfig): string {
  const parts = path.split('.');
  const at = (i: number) => Number(parts[i]);
  const leaf = (from: number) => parts.slice(from).filter((p) => !/^\d+$/.test(p)).map((p) => configLeafNames[p] ?? p);
  const join = (head: string, rest: string[]) => [head, ...rest].join(' › ');

  if (parts[0] === 'services' && parts.length > 1) return join(pathTexts.field(config.services[at(1)]?.name || config.services[at(1)]?.id || String(at(1) + 1)), leaf(2));
  if (parts[0] === 'counters' && parts.length > 1) return join(pathTexts.counter(config.counters[at(1)]?.name || String(at(1) + 1)), leaf(2));
  if (parts[0] === 'devices' && parts.length > 1) return join(pathTexts.device(config.devices[at(1)]?.name || String(at(1) + 1)), leaf(2));
  if (parts[0] === 'priorityCategories' && parts.length > 1) return join(pathTexts.priority(config.priorityCategories[at(1)]?.name || String(at(1) + 1)), leaf(2));
  if (path.startsWith('rating.levels.')) return join(pathTexts.level(config.rating.levels[at(2)]?.label || String(at(2) + 1)), leaf(3));
  if (path.startsWith('rating.reasons.')) return pathTexts.reason(at(2) + 1);
  if (path.startsWith('openingHours.weekly.')) return pathTexts.interval(configTexts.weekdays[at(2)] ?? parts[2], at(3) + 1);
  if (path.startsWith('openingHours.holidays.')) return pathTexts.holiday(at(2) + 1);
  if (path.startsWith('appointments.fields.') && parts.length > 2) {
    const field = config.appointments.fields[at(2)];
    const head = pathTexts.appointmentField(config.services.find((s) => s.id === field?.serviceId)?.name ?? field?.serviceId ?? String(at(2) + 1));
    if (parts[3] !== 'weekly' || parts.length < 5) return join(head, leaf(3));
    const day = configTexts.weekdays[at(4)] ?? parts[4];
    return join(head, [parts.length > 5 ? pathTexts.appointmentInterval(day, at(5) + 1) : day, ...leaf(6)]);
  }

  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (configPathNames[prefix]) return join(configPathNames[prefix], leaf(n));
  }
  return path;
}
