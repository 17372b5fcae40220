// The centre's side of the city link: on its own timer, it sends the live figure, then the
// closed days the city has not confirmed (oldest first, in batches), and now and then pulls
// the city's procedure catalogue. Nothing on a ticket's path calls it or waits for it; when
// the city cannot be reached the link only says so and tries again on the next round.
import type { Report } from '@protocol/reports';
import type { Logger } from 'pino';
import { MAX_DAYS_PER_BATCH, type CityCatalogueHead, type CityLinkState, type DayFactsAck } from '@protocol/city';
import type { CentreConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import type { Catalogue } from '../catalogue/create-catalogue';
import { serializeSummary, type DaySummary } from '../reports/day-summary';
import { centreProfile } from './centre-profile';
import { CityClient, CityRequestError } from './city-client';
import type { CityOutbox } from './city-outbox';
import { liveFigure } from './live-figure';
import type { LinkSettings, LinkTarget } from './link-settings';

/** ≤ 10 s between live figures, as the city's page promises. */
export const LINK_ROUND_MS = 5_000;
const CATALOGUE_EVERY_MS = 10 * 60_000;
/** A batch stays well under the city's request limit even for a very busy centre. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export interface CityLinkDeps {
  settings: LinkSettings;
  outbox: CityOutbox;
  logger: Logger;
  clock: () => number;
  getConfig: () => CentreConfig;
  getState: () => QueueState;
  /** Today's report so far (the dashboard's figures). */
  getTodayReport: () => Report;
  /** Closed days' summaries (never today): the report service's store. */
  closedSummaries: (days: readonly string[]) => Promise<DaySummary[]>;
  /** Every closed day with data and its journal's size, without its rows. */
  closedDays: () => Promise<{ day: string; journalBytes: number }[]>;
  getCatalogue: () => Catalogue;
  roundMs?: number;
  /** Days per request; a backlog takes several. */
  batchDays?: number;
}

export class CityLink {
  private readonly client: CityClient;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private lastSuccessAt: number | null = null;
  private lastError: { message: string; at: number } | null = null;
  private answered = false;
  private refused = new Map<string, string>();
  private catalogueError: string | null = null;
  private catalogueCheckedAt = 0;
  private reconciling: Promise<void> | null = null;

  constructor(private readonly deps: CityLinkDeps) {
    this.client = new CityClient(deps.settings.env.caFile);
  }

  start(): void {
    void this.reconcile();
    this.timer = setInterval(() => void this.runRound(), this.deps.roundMs ?? LINK_ROUND_MS);
    this.timer.unref();
  }

  /** Every closed day with data is offered to the outbox (at start, after a restore). */
  reconcile(): Promise<void> {
    this.reconciling ??= (async () => {
      this.refused.clear();
      for (const d of await this.deps.closedDays()) this.deps.outbox.offer(d.day, d.journalBytes);
    })()
      .catch((err) => this.deps.logger.error({ err }, 'city link: listing the closed days failed'))
      .finally(() => {
        this.reconciling = null;
      });
    return this.reconciling;
  }

  /** The queue closed a day: its facts join the outbox (sent on the next round). */
  dayClosed(day: string): void {
    void this.deps
      .closedSummaries([day])
      .then((list) => list.forEach((s) => this.deps.outbox.offer(s.day, s.journalBytes ?? 0)))
      .catch((err) => this.deps.logger.error({ err, day }, 'city link: reading the closed day failed'));
  }

  /** Settings changed: the next round uses them at once. */
  settingsChanged(): void {
    this.answered = false;
    this.lastError = null;
    this.catalogueCheckedAt = 0;
    void this.runRound();
  }

  /** One round now (tests and the settings screen); rounds never overlap. */
  runRound(): Promise<void> {
    this.round ??= this.sendAll().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async sendAll(): Promise<void> {
    const target = this.deps.settings.target();
    if (!target) return;
    if (this.reconciling) await this.reconciling;
    // Each part is tried every round: a refused live figure must not hold the backlog back.
    const failures: unknown[] = [];
    const attempt = (part: () => Promise<unknown>) => part().catch((err) => void failures.push(err));
    await attempt(() => this.sendLive(target));
    const before = this.deps.outbox.backlog;
    await attempt(() => this.drain(target));
    // The city shows the backlog the centre last told it: tell it again once days went through.
    if (this.deps.outbox.backlog !== before) await attempt(() => this.sendLive(target));
    await attempt(() => this.pullCatalogue(target));
    if (failures.length === 0) this.succeeded();
    else this.failed(failures[0]);
  }

  private succeeded(): void {
    this.answered = true;
    this.lastSuccessAt = this.deps.clock();
    this.lastError = null;
  }

  private failed(err: unknown): void {
    const message = err instanceof CityRequestError ? err.message : 'Lỗi khi gửi số liệu lên thành phố.';
    if (!(err instanceof CityRequestError)) this.deps.logger.error({ err }, 'city link round failed');
    else if (this.lastError?.message !== message) this.deps.logger.warn({ status: err.status, message }, 'city link: the city could not be reached');
    this.answered = true;
    this.lastError = { message, at: this.deps.clock() };
  }

  private sendLive(target: LinkTarget): Promise<unknown> {
    const figure = liveFigure(this.deps.getTodayReport(), this.deps.getState(), this.deps.getConfig(), this.deps.clock(), this.deps.outbox.backlog);
    return this.client.json(target, 'POST', '/api/city/ingest/live', figure);
  }

  /** Sends the backlog, oldest first, until it is empty or the city stops answering. */
  private async drain(target: LinkTarget): Promise<void> {
    const batchDays = Math.min(this.deps.batchDays ?? MAX_DAYS_PER_BATCH, MAX_DAYS_PER_BATCH);
    for (;;) {
      const next = this.deps.outbox.next(batchDays);
      if (next.length === 0) return;
      const summaries = new Map((await this.deps.closedSummaries(next.map((d) => d.day))).map((s) => [s.day, s]));
      const days: { day: string; version: number; summary: string }[] = [];
      let bytes = 0;
      for (const d of next) {
        const s = summaries.get(d.day);
        // The summary is gone (a restore replaced the folder): the next reconcile says what is there.
        if (!s) {
          this.deps.outbox.drop(d.day);
          continue;
        }
        // Rebuilt since it was queued (its journal changed): the newer version goes.
        const version = s.journalBytes ?? 0;
        if (version !== d.version) this.deps.outbox.offer(d.day, version);
        const text = serializeSummary(s);
        if (days.length > 0 && bytes + text.length > MAX_BATCH_BYTES) break;
        bytes += text.length;
        days.push({ day: d.day, version, summary: text });
      }
      if (days.length === 0) continue;
      await this.sendBatch(target, days);
    }
  }

  private async sendBatch(target: LinkTarget, days: { day: string; version: number; summary: string }[]): Promise<void> {
    try {
      const ack = await this.client.json<DayFactsAck>(target, 'POST', '/api/city/ingest/days', { profile: centreProfile(this.deps.getConfig()), days });
      await this.deps.outbox.acknowledge(ack.results.map((r) => ({ day: r.day, version: r.version })));
    } catch (err) {
      // A refusal of the data itself would stop the backlog for good: find the day and set it aside.
      if (!(err instanceof CityRequestError) || err.body?.code !== 'invalid-payload') throw err;
      if (days.length > 1) {
        for (const d of days) await this.sendBatch(target, [d]);
        return;
      }
      const message = err.body.details?.map((x) => x.message).join('; ') || err.message;
      this.deps.logger.error({ day: days[0].day, message }, 'city refused a day’s facts');
      this.refused.set(days[0].day, message);
      this.deps.outbox.drop(days[0].day);
    }
  }

  private async pullCatalogue(target: LinkTarget): Promise<void> {
    const now = this.deps.clock();
    if (now - this.catalogueCheckedAt < CATALOGUE_EVERY_MS) return;
    this.catalogueCheckedAt = now;
    const { head } = await this.client.json<{ head: CityCatalogueHead | null }>(target, 'GET', '/api/city/catalogue');
    if (!head || head.version === this.deps.outbox.catalogueVersion) return;
    const res = await this.client.request(target, 'GET', '/api/city/catalogue/file');
    if (res.status !== 200) throw new CityRequestError(`Không tải được danh mục thủ tục của thành phố (mã ${res.status}).`, res.status);
    const result = await this.deps.getCatalogue().importFile(res.body, head.filename);
    if (result.ok) {
      await this.deps.outbox.setCatalogueVersion(head.version);
      this.catalogueError = null;
      this.deps.logger.info({ version: head.version, count: result.count }, 'city catalogue installed');
    } else {
      this.catalogueError = `Danh mục thủ tục của thành phố (bản ${head.version}) chưa dùng được: ${result.errors
        .slice(0, 3)
        .map((e) => (e.line ? `dòng ${e.line}: ${e.message}` : e.message))
        .join('; ')}`;
    }
  }

  state(): CityLinkState {
    const view = this.deps.settings.view();
    const configured = this.deps.settings.target() !== null;
    return {
      ...view,
      status: !configured ? 'off' : !this.answered ? 'connecting' : this.lastError ? 'failing' : 'ok',
      lastSuccessAt: this.lastSuccessAt,
      lastError: this.lastError?.message ?? null,
      lastErrorAt: this.lastError?.at ?? null,
      backlogDays: this.deps.outbox.backlog,
      refused: [...this.refused].map(([day, message]) => ({ day, message })),
      catalogue: { version: this.deps.outbox.catalogueVersion, error: this.catalogueError },
    };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round?.catch(() => undefined);
    this.client.close();
  }
}
