// createApp builds the whole server from its parts. main.ts wires the real ones; tests
// pass temp folders, a fixed clock or a printer emulator.
import { existsSync } from 'node:fs';
import type { Server as HttpServer, RequestListener } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import { pino, type Logger } from 'pino';
import { Server } from 'socket.io';
import { httpRoute } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import type { PrinterState } from '@protocol/events';
import type { QueueEvent } from '@protocol/queue';
import { Alerts } from './application/alerts';
import { AuditLog } from './store/audit-log';
import { BackupService } from './backup/backup-service';
import { finishInterruptedRestores } from './backup/restore-swap';
import { SecondLocation } from './backup/second-location';
import { createCatalogue } from './catalogue/create-catalogue';
import { CityLink } from './city-link/city-link';
import { CityOutbox } from './city-link/city-outbox';
import { LinkSettings } from './city-link/link-settings';
import { createVoice, type Voice } from './devices/speech/voice';
import { createVoiceRecordings } from './devices/speech/voice-recordings';
import { openAccounts } from './auth/accounts-store';
import { AuthService } from './auth/auth-service';
import { SessionLog } from './auth/session-log';
import { checkAgainstToday, checkSecondLocation } from './centre/config-checks';
import { openCentreStore, type CentreStore } from './centre/centre-store';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff, SAMPLE_STAFF_PASSWORD } from './centre/sample-staff';
import { splitHostPort, type Settings } from './settings';
import type { AppContext } from './application/context';
import { DevicePresence } from './application/device-presence';
import { reportClockStep, reportDamage, reportStorage } from './application/fault-alerts';
import { ForwardClock } from './application/forward-clock';
import { parsePrinterSpec, type TicketPrinter } from './devices/printer';
import { attachLedDisplays } from './devices/serial/led-displays';
import { createSwitchablePrinter } from './devices/printer/switchable-printer';
import { checkLongWaits } from './application/long-wait-watch';
import { QueueService } from './application/queue-service';
import { createReportService } from './reports/report-service';
import { WaitEstimates } from './application/wait-estimates';
import { PhoneHolderKey } from './citizens/phone-holder-key';
import { BookingStore } from './citizens/booking-store';
import { RateLimiter } from './application/rate-limiter';
import { startRatingTimers } from './application/rating-timers';
import { ForegroundWork } from './foreground-work';
import { refusalToStart } from './start-refusal';
import { CorruptDataFileError } from './store/durable-json-file';
import { UnreadableDataFileError, type Migration } from './store/versioned-json-file';
import { bodyErrors } from './transport/http/body-errors';
import { directCommands } from './transport/http/direct-commands';
import { fixedSecurityHeaders, securityHeaders } from './transport/http/security-headers';
import { bearer } from './transport/http/caller';
import { operationRoutes } from './transport/http/operation-routes';
import { anonymousBudget, refuseUnread } from './transport/http/request-guard';
import { sendError } from './transport/http/send';
import { createListener } from './transport/listener';
import { admittedOnPublicSide, NetworkSides } from './transport/network-sides';
import { onePerTurn } from './transport/http/one-per-turn';
import { attachKeypads } from './transport/keypad/counter-keypads';
import { attachSockets, resyncAll } from './transport/socket/socket-server';
import type { QueueServer } from './transport/socket/socket-session';
import { recheckAll, watchSessions } from './transport/socket/session-watch';

export interface AppDeps {
  settings: Settings;
  logger?: Logger;
  clock?: () => number;
  printer?: TicketPrinter;
  /** Tests that do not listen to calls pass a voice that never synthesises. */
  voice?: Voice;
  newId?: () => string;
  /** Tests that change the voice settings but never listen can skip making clips. */
  prepareVoiceOnChange?: boolean;
  /** Folder of the built apps; tests that need no pages leave it absent. */
  distDir?: string;
  onDayClosed?: (day: string, events: QueueEvent[]) => Promise<void> | void;
}

export interface App {
  ctx: AppContext;
  http: HttpServer;
  io: QueueServer;
  /** Bound port (settings.port 0 picks a free one); the staff side's when there are two listeners. */
  listen(): Promise<number>;
  /** The citizens' side's port with QMS_PUBLIC_LISTEN, else 0. */
  publicPort(): number;
  close(): Promise<void>;
  /** Generates the default voice clips in the background (first start takes a while). */
  prepareVoice(): Promise<void>;
  /** Makes the voice's clips that have no file yet, at once (Voice.makeMissing); whether within `limitMs`. */
  makeMissingClips(limitMs: number): Promise<boolean>;
  /** Compiles the reports' code with a few small builds (ReportService.warmUp): how many; never fails. */
  warmUpReports(): Promise<number>;
  /** What was created at first start: printed once by main. */
  firstStartAccounts: { username: string; password: string; role: string }[];
}

export const APPS = ['kiosk', 'counter-display', 'central-display', 'rating-terminal', 'manager', 'ticket', 'lookup'] as const;

/** The machine's LAN address, looked up once: the QR code on every ticket uses it. */
let cachedLanAddress: string | undefined;
function lanAddress(): string {
  if (cachedLanAddress) return cachedLanAddress;
  cachedLanAddress = 'localhost';
  for (const list of Object.values(networkInterfaces())) {
    const a = list?.find((x) => x.family === 'IPv4' && !x.internal);
    if (a) {
      cachedLanAddress = a.address;
      break;
    }
  }
  return cachedLanAddress;
}

/** Sign-ins and pairings waiting for their turn (one-per-turn.ts); a flood beyond is refused unread. */
const SIGN_INS_WAITING = 512;
/** The requests that check a password or a pairing code. */
const ONE_PER_TURN = ['auth:login', 'auth:change-password', 'device:pair'] as const;

export async function createApp(deps: AppDeps): Promise<App> {
  const { settings } = deps;
  const logger = deps.logger ?? pino({ level: settings.logLevel });
  // The whole server runs on the queue's clock, which never goes back (forward-clock.ts).
  const forwardClock = new ForwardClock(deps.clock ?? Date.now, (step) => reportClockStep(alerts, step, centre.get().centre.timeZone));
  const clock = forwardClock.now;
  const alerts = new Alerts(clock);
  const reportCorrupt = (err: CorruptDataFileError) => {
    logger.error({ file: err.file, movedTo: err.movedTo }, 'corrupt data file moved aside');
    alerts.raise(`storage:${err.file}`, 'storage', `Tệp dữ liệu hỏng đã được chuyển sang ${err.movedTo}; hệ thống dùng dữ liệu mặc định.`);
  };

  // A restore a crash cut short is undone before anything reads the data folder.
  for (const plan of await finishInterruptedRestores(settings.dataDir)) {
    logger.warn({ plan }, 'a restore interrupted by a crash was rolled back');
    alerts.raise('storage:restore', 'storage', 'Lần khôi phục bản sao lưu trước bị gián đoạn (máy tắt giữa chừng); dữ liệu được giữ nguyên như trước khi khôi phục.');
  }
  const reportMigrated = (m: Migration) => logger.warn(m, `${m.file} migrated from format ${m.from} to ${m.to}; the file as it was is kept at ${m.copy}`);
  let centre: CentreStore;
  let accountsDb: Awaited<ReturnType<typeof openAccounts>>;
  try {
    centre = await openCentreStore(settings.dataDir, reportMigrated);
    accountsDb = await openAccounts(settings.dataDir, reportMigrated);
  } catch (err) {
    throw err instanceof UnreadableDataFileError ? await refusalToStart(err, settings.dataDir) : err;
  }
  const sessions = await SessionLog.open(settings.dataDir, accountsDb, clock, logger);
  const auth = new AuthService(accountsDb, sessions, centre.get, clock, settings.sessionHours);
  const firstStartAccounts = await auth.bootstrap({
    ...(settings.adminPassword ? { adminPassword: settings.adminPassword } : {}),
    // The sample staff belong to the sample centre only.
    sampleStaff: centre.get().centre.name === sampleCentre.centre.name ? sampleStaff : [],
    samplePassword: SAMPLE_STAFF_PASSWORD,
  });

  let printerState: PrinterState = 'ok';
  // The connection managers set in the configuration wins over QMS_PRINTER.
  const printerSpec = () => centre.get().printer.connection || settings.printer;
  const switchable = deps.printer
    ? undefined
    : createSwitchablePrinter(printerSpec(), {
        dataDir: settings.dataDir,
        onState: (s) => {
          printerState = s;
          if (s === 'ok') alerts.clear('printer');
          else alerts.raise('printer', 'printer', printerMessages[s]);
        },
      });
  const printer: TicketPrinter = deps.printer ?? switchable!;

  const foreground = new ForegroundWork();
  const reports = createReportService({
    dataDir: settings.dataDir,
    foreground,
    getConfig: centre.get,
    getStaff: () => auth.staffDirectory(),
    getToday: () => ({ state: queue.state, events: queue.todayEvents() }),
    clock,
    logger,
  });
  const queue = new QueueService({
    dataDir: settings.dataDir,
    getConfig: centre.get,
    clock,
    notBefore: (at) => forwardClock.notBefore(at),
    logger,
    ...(deps.newId ? { newId: deps.newId } : {}),
    onDayClosed: async (day, events) => {
      await reports.closeDay(day, events).catch((err) => logger.error({ err, day }, 'day summary failed'));
      cityLink.dayClosed(day);
      await deps.onDayClosed?.(day, events);
    },
    onDamage: (file, quarantine) => reportDamage(alerts, file, quarantine),
    onStorage: (health) => reportStorage(alerts, health),
  });
  await queue.start();
  const waits = new WaitEstimates({ queue, getConfig: centre.get, clock, closedSummaries: (days) => reports.closedSummaries(days) });

  const audit = new AuditLog(join(settings.dataDir, 'audit'), clock, (err) => logger.error({ err }, 'audit write failed'));
  const openCatalogue = () => createCatalogue({ dataDir: settings.dataDir, getServices: () => centre.get().services, onCorrupt: reportCorrupt });
  let catalogue = await openCatalogue();
  const voice = deps.voice ?? createVoice({ dataDir: settings.dataDir, logger, foreground });
  const linkSettings = await LinkSettings.open(settings.dataDir, { url: settings.cityUrl, token: settings.cityToken, caFile: settings.cityCa, allowHttp: settings.cityAllowHttp });
  const cityLink: CityLink = new CityLink({
    settings: linkSettings,
    outbox: await CityOutbox.open(settings.dataDir),
    logger,
    clock,
    getConfig: centre.get,
    getState: () => queue.state,
    getTodayReport: () => reports.todayReport(),
    closedSummaries: (days) => reports.closedSummaries(days),
    closedDays: () => reports.closedDays(),
    getCatalogue: () => catalogue,
    roundMs: settings.cityRoundSeconds * 1000,
    batchDays: settings.cityBatchDays,
  });

  const app = express();
  const sides = new NetworkSides();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // Requests that check a password or a pairing code: one per loop turn, so a burst of them
  // never holds the loop for a ticket (one-per-turn.ts).
  app.use(
    ONE_PER_TURN.map((name) => `/api${httpRoute(name).path}`),
    onePerTurn({ maxWaiting: SIGN_INS_WAITING, refuse: (_req, res) => refuseUnread(ctx, res, new QueueError('rate-limited')) }),
  );
  app.use(securityHeaders);
  const tls = settings.tlsCert && settings.tlsKey ? { cert: settings.tlsCert, key: settings.tlsKey } : undefined;
  // The registry's commands with a token and a small JSON body skip express (direct-commands.ts).
  const front: RequestListener = (req, res) => {
    if (!direct(req, res)) app(req, res);
  };
  const staffListener = createListener(front, tls);
  const publicListener = settings.publicListen ? createListener(front, tls) : undefined;
  if (publicListener) sides.markPublic(publicListener.acceptor);
  const http = staffListener.server;
  // A handshake that does not join within connectTimeout is dropped (socket.io's default is 45 s).
  const io: QueueServer = new Server(http, { maxHttpBufferSize: 256 * 1024, serveClient: false, pingInterval: 10_000, pingTimeout: 8_000, connectTimeout: 10_000 });
  // One engine behind both listeners, so admission and budgets count every socket once.
  if (publicListener) io.engine.attach(publicListener.server, { path: '/socket.io' });

  const presence = new DevicePresence(alerts, clock, (id) => centre.get().devices.find((d) => d.id === id)?.name ?? id);
  const backups = new BackupService(settings.dataDir, clock, async () => {
    await centre.reload();
    await accountsDb.read();
    catalogue = await openCatalogue();
    await ctx.bookings.reload();
    // The closed days' summaries read before are the old folder's.
    await reports.reload();
    await queue.reload();
    void cityLink.reconcile();
  }, () => centre.get().centre.timeZone);
  const secondCopy = await SecondLocation.open(settings.dataDir, clock, alerts);
  /** Today's archive if it is not made yet, then every daily archive to the second location. */
  let backingUp: Promise<unknown> = Promise.resolve();
  const dailyBackup = (force = false) => {
    const { keepDays, secondLocation } = centre.get().backup;
    const run = backups.daily(queue.state.day, keepDays).then(() => secondCopy.sync(secondLocation, keepDays, force));
    // Waited for when closing, so nothing writes into the data folder after the server stopped.
    backingUp = run.catch((err) => logger.error({ err }, 'daily backup failed'));
    return run;
  };

  let voiceSettings = JSON.stringify(centre.get().voice);
  const ctx: AppContext = {
    settings,
    audit,
    logger,
    clock,
    centre,
    auth,
    queue,
    alerts,
    printer,
    printerState: () => printerState,
    presence,
    reports,
    foreground,
    catalogue: () => catalogue,
    backups,
    secondCopy: { status: () => secondCopy.status(), copyNow: () => dailyBackup(true) },
    voice,
    voiceRecordings: createVoiceRecordings({ dataDir: settings.dataDir, voice }),
    cityLink,
    linkSettings,
    kioskLimiter: new RateLimiter(clock),
    waits,
    phoneHolders: await PhoneHolderKey.open(settings.dataDir),
    bookings: await BookingStore.open(settings.dataDir),
    checkConfig(config) {
      const problems = [...checkAgainstToday(config, centre.get(), queue.state), ...checkSecondLocation(config, settings.dataDir)];
      // A connection that cannot be parsed is refused before it is saved.
      if (!config.printer.connection) return problems;
      try {
        parsePrinterSpec(config.printer.connection, settings.dataDir);
      } catch (err) {
        problems.push({ path: 'printer.connection', message: `Kết nối máy in không hợp lệ: ${(err as Error).message}` });
      }
      return problems;
    },
    configChanged() {
      // A second backup location just set gets its copies now, not at the next tick.
      if (centre.get().backup.secondLocation !== secondCopy.status().location) void dailyBackup(true).catch(() => undefined);
      void switchable?.switchTo(printerSpec()).catch((err) => logger.error({ err }, 'printer switch failed'));
      // A device taken out of the configuration (or a restore's accounts) loses its connection now.
      recheckAll(ctx, io, 'revoked');
      resyncAll(ctx, io);
      // New words or speed: make the clips now rather than on the next call.
      if (JSON.stringify(centre.get().voice) !== voiceSettings) {
        voiceSettings = JSON.stringify(centre.get().voice);
        if (deps.prepareVoiceOnChange !== false) void voice.prepare(centre.get().voice).catch((err) => logger.error({ err }, 'voice clips'));
      }
    },
    // The QR code leads phones to the citizens' side when there is one.
    baseUrl: () => settings.publicUrl ?? `${tls ? 'https' : 'http'}://${lanAddress()}:${publicPort || boundPort || settings.port}`,
  };

  const direct = directCommands(ctx, sides, fixedSecurityHeaders(), ONE_PER_TURN);
  // The citizens' side serves only what the hall needs; staff and managers are not let in there.
  app.use(sides.guard((res, err) => sendError(ctx, res, err)));
  app.use((req, res, next) => {
    if (!sides.isPublic(req)) return next();
    let who;
    try {
      who = ctx.auth.principal(bearer(req));
    } catch {
      return next();
    }
    if (admittedOnPublicSide(who)) return next();
    refuseUnread(ctx, res, new QueueError('unauthorized'));
  });
  // Callers without a token share a request budget per address.
  app.use('/api', anonymousBudget(ctx));
  const api = express.Router();
  // Each route reads its own body once the caller is authorised for it.
  api.use(operationRoutes(ctx));
  // No route. A write's body is not read; without a token it is refused like every anonymous
  // write the registry does not open to the public.
  api.use((req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') return sendError(ctx, res, new QueueError('not-found'));
    refuseUnread(ctx, res, new QueueError(bearer(req) === undefined ? 'unauthorized' : 'not-found'));
  });
  app.use('/api', api);
  // The rest of an over-long body is not read: the connection closes after the answer.
  app.use(bodyErrors((res, err) => (err instanceof QueueError && err.code === 'payload-too-large' ? refuseUnread(ctx, res, err) : sendError(ctx, res, err))));

  const distDir = deps.distDir;
  if (distDir && existsSync(distDir)) {
    for (const name of APPS) app.use(`/${name}`, express.static(join(distDir, name), { index: 'index.html' }));
    app.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '30d' }));
    app.get('/', (_req, res) => res.sendFile(resolve(distDir, 'index.html')));
  }

  attachSockets(io, ctx, (req) => sides.isPublic(req));
  watchSessions(ctx, io);
  io.on('connection', (socket) => {
    const who = socket.data.principal;
    const isDevice = who.role === 'kiosk' || who.role === 'counter-display' || who.role === 'central-display' || who.role === 'rating-terminal';
    if (!isDevice || !who.id) return;
    presence.connected(who.id);
    socket.on('disconnect', () => presence.disconnected(who.id!));
  });

  const stopRatingTimers = startRatingTimers(queue, centre.get, clock, logger);
  const closeKeypads = attachKeypads(ctx, logger);
  const closeLedDisplays = attachLedDisplays(ctx, logger);
  const ticker = setInterval(() => {
    void queue.rollIfNeeded().catch((err) => logger.error({ err }, 'day rollover failed'));
    checkLongWaits(queue.state, centre.get(), alerts, clock());
    // Paper runs out between tickets too: ask the printer, its answer raises or clears the alert.
    void printer.status().catch(() => undefined);
    void dailyBackup().catch(() => undefined);
  }, 15_000);
  ticker.unref();
  cityLink.start();

  let boundPort = 0;
  let publicPort = 0;
  return {
    ctx,
    http,
    io,
    firstStartAccounts,
    prepareVoice: () => voice.prepare(centre.get().voice),
    makeMissingClips: (limitMs) => voice.makeMissing(centre.get().voice, limitMs),
    warmUpReports: () => reports.warmUp(),
    async listen() {
      if (publicListener && settings.publicListen && settings.staffListen) {
        const staff = splitHostPort(settings.staffListen);
        const citizens = splitHostPort(settings.publicListen);
        boundPort = await staffListener.listen(staff.host, staff.port);
        publicPort = await publicListener.listen(citizens.host, citizens.port);
      } else {
        boundPort = await staffListener.listen(settings.host, settings.port);
      }
      return boundPort;
    },
    publicPort: () => publicPort,
    async close() {
      clearInterval(ticker);
      await cityLink.close();
      stopRatingTimers();
      presence.stop();
      await closeKeypads?.();
      await closeLedDisplays?.();
      await new Promise<void>((r) => io.close(() => r()));
      staffListener.close();
      publicListener?.close();
      await backingUp;
      await reports.close();
      await queue.close();
      await printer.close();
      await voice.close();
      await audit.flush();
    },
  };
}

const printerMessages: Record<Exclude<PrinterState, 'ok'>, string> = {
  'paper-out': 'Máy in phiếu hết giấy.',
  offline: 'Máy in phiếu mất kết nối.',
  error: 'Máy in phiếu báo lỗi.',
};
