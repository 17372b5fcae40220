// One live connection to the server for an app. On every (re)connect the server sends a
// full snapshot and this replaces its state; between snapshots it folds the queue's events
// in order, and asks for a new snapshot whenever an event does not follow on.
import { io, type Socket } from 'socket.io-client';
import { offlineError } from './api';
import type { ClientToServerEvents, InputOf, ResultOf, SocketOperationName } from '@protocol/api';
import type { Ack, Alert, CounterView, PrinterState, PublicTicketView, ServerToClientEvents, Snapshot } from '@protocol/events';
import { applyEvent, needsSnapshot, type QueueEvent, type QueueState } from '@protocol/queue';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface LiveData {
  status: ConnectionStatus;
  snapshot: Snapshot | null;
  /** The live queue, kept current by events. */
  state: QueueState | null;
  counter: CounterView | null;
  alerts: Alert[];
  printer: PrinterState;
  /** Bumped on every change, so views can re-render cheaply. */
  version: number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const COMMAND_TIMEOUT_MS = 8000;

export interface Connection {
  data: LiveData;
  socket: ClientSocket;
  subscribe(listener: (data: LiveData) => void): () => void;
  send<E extends SocketOperationName>(event: E, payload: InputOf<E>): Promise<Ack<ResultOf<E>>>;
  onTicket(listener: (t: PublicTicketView) => void): () => void;
  /** Each queue event as it arrives, applied to the state when the state could take it. */
  onEvent(listener: (e: QueueEvent) => void): () => void;
  close(): void;
}


export function connect(opts: { token?: string | null; url?: string } = {}): Connection {
  const socket: ClientSocket = io(opts.url ?? '/', {
    auth: opts.token ? { token: opts.token } : {},
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  const data: LiveData = { status: 'connecting', snapshot: null, state: null, counter: null, alerts: [], printer: 'ok', version: 0 };
  const listeners = new Set<(d: LiveData) => void>();
  const ticketListeners = new Set<(t: PublicTicketView) => void>();
  const eventListeners = new Set<(e: QueueEvent) => void>();
  const changed = () => {
    data.version++;
    for (const l of listeners) l(data);
  };
  const takeSnapshot = (snap: Snapshot) => {
    data.snapshot = snap;
    data.state = snap.state;
    data.counter = snap.counter ?? null;
    data.alerts = snap.alerts;
    data.printer = snap.printer;
    data.status = 'online';
    changed();
  };
  let resyncing = false;
  const resync = () => {
    if (resyncing) return;
    resyncing = true;
    socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emitWithAck('state:request', {})
      .then((res) => {
        if (res.ok) takeSnapshot(res.data);
      })
      .catch(() => undefined)
      .finally(() => {
        resyncing = false;
      });
  };

  socket.on('state:snapshot', takeSnapshot);
  socket.on('queue:event', (event) => {
    if (!data.state) return;
    if (needsSnapshot(data.state, event)) {
      // The state waits for a snapshot, but listeners still hear the event: a call carries
      // its label, so the central display announces it even without the ticket in hand.
      for (const l of eventListeners) l(event);
      return resync();
    }
    applyEvent(data.state, event);
    for (const l of eventListeners) l(event);
    changed();
  });
  socket.on('counter:updated', (view) => {
    data.counter = view;
    changed();
  });
  socket.on('waits:changed', (waits) => {
    if (!data.snapshot) return;
    data.snapshot = { ...data.snapshot, waits };
    changed();
  });
  socket.on('alerts:changed', (alerts, printer) => {
    data.alerts = alerts;
    data.printer = printer;
    changed();
  });
  socket.on('ticket:updated', (t) => {
    for (const l of ticketListeners) l(t);
  });
  socket.on('session:ended', () => {
    data.status = 'unauthorized';
    changed();
  });
  socket.on('connect', () => {
    // A device waits for its snapshot; a phone (no token) gets none and is online at once.
    if (!opts.token) data.status = 'online';
    else if (data.status !== 'online') data.status = 'connecting';
    changed();
  });
  socket.on('disconnect', () => {
    // After session:ended the server cuts the connection: the device is unpaired, not offline.
    if (data.status !== 'unauthorized') data.status = 'offline';
    changed();
  });
  socket.on('connect_error', (err) => {
    data.status = err.message === 'unauthorized' || err.message === 'password-change-required' ? 'unauthorized' : 'offline';
    changed();
  });

  return {
    data,
    socket,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async send(event, payload) {
      if (!socket.connected) return { ok: false, error: offlineError };
      try {
        // socket.io's typed emitWithAck cannot see through the generic event name here.
        const timed = socket.timeout(COMMAND_TIMEOUT_MS);
        const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<Ack<never>>;
        return await emit(event, payload);
      } catch {
        return { ok: false, error: offlineError };
      }
    },
    onTicket(listener) {
      ticketListeners.add(listener);
      return () => ticketListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    close() {
      socket.close();
    },
  };
}
