// What managers must notice now: a printer problem, a long wait, a device gone quiet,
// a damaged data file. Each alert has a stable id so raising it twice keeps one entry.
import type { Alert, AlertKind } from '@protocol/events';

export class Alerts {
  private current = new Map<string, Alert>();
  private listeners: ((alerts: Alert[]) => void)[] = [];

  constructor(private readonly clock: () => number) {}

  list(): Alert[] {
    return [...this.current.values()].sort((a, b) => a.since - b.since);
  }

  onChange(listener: (alerts: Alert[]) => void): void {
    this.listeners.push(listener);
  }

  raise(id: string, kind: AlertKind, message: string): void {
    const existing = this.current.get(id);
    if (existing && existing.message === message) return;
    this.current.set(id, { id, kind, message, since: existing?.since ?? this.clock() });
    this.emit();
  }

  clear(id: string): void {
    if (this.current.delete(id)) this.emit();
  }

  /** Clears every alert of a kind whose id is not in keep (for alerts recomputed from scratch). */
  replaceKind(kind: AlertKind, keep: Set<string>): void {
    let changed = false;
    for (const [id, a] of this.current) {
      if (a.kind === kind && !keep.has(id)) {
        this.current.delete(id);
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  private emit(): void {
    const list = this.list();
    for (const l of this.listeners) l(list);
  }
}
