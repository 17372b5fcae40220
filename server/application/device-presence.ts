// Which devices are connected now and when each was last seen. A device that stays away
// longer than the grace period (a reboot takes less) raises an alert for managers.
import type { Alerts } from './alerts';

const GRACE_MS = 60_000;

export interface DeviceStatus {
  deviceId: string;
  online: boolean;
  lastSeen: number | null;
}

export class DevicePresence {
  private connections = new Map<string, number>();
  private lastSeen = new Map<string, number>();
  private offlineTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly alerts: Alerts,
    private readonly clock: () => number,
    private readonly nameOf: (deviceId: string) => string,
  ) {}

  connected(deviceId: string): void {
    this.connections.set(deviceId, (this.connections.get(deviceId) ?? 0) + 1);
    this.lastSeen.set(deviceId, this.clock());
    clearTimeout(this.offlineTimers.get(deviceId));
    this.offlineTimers.delete(deviceId);
    this.alerts.clear(`device:${deviceId}`);
  }

  disconnected(deviceId: string): void {
    const n = (this.connections.get(deviceId) ?? 1) - 1;
    this.lastSeen.set(deviceId, this.clock());
    if (n > 0) {
      this.connections.set(deviceId, n);
      return;
    }
    this.connections.delete(deviceId);
    const timer = setTimeout(() => {
      this.offlineTimers.delete(deviceId);
      this.alerts.raise(`device:${deviceId}`, 'device-offline', `Mất kết nối: ${this.nameOf(deviceId)}.`);
    }, GRACE_MS);
    timer.unref();
    this.offlineTimers.set(deviceId, timer);
  }

  status(deviceId: string): DeviceStatus {
    return { deviceId, online: this.connections.has(deviceId), lastSeen: this.lastSeen.get(deviceId) ?? null };
  }

  stop(): void {
    for (const t of this.offlineTimers.values()) clearTimeout(t);
  }
}
