// Where the centre sends its figures: the city's address and the centre's credential, set in
// the managers' app (<dataDir>/city-link.json) or, when that is empty, by QMS_CITY_URL and
// QMS_CITY_TOKEN. Only HTTPS, unless QMS_CITY_ALLOW_HTTP=1 allows plain HTTP for a LAN test.
import { Low } from 'lowdb';
import { join } from 'node:path';
import { z } from 'zod';
import { cityLinkSettingsSchema } from '@protocol/city';
import { DurableJSONFile } from '../store/durable-json-file';

export type LinkFile = z.infer<typeof cityLinkSettingsSchema>;

export interface LinkEnvironment {
  url?: string;
  token?: string;
  /** PEM file of the city's certificate (or the authority that signed it). */
  caFile?: string;
  allowHttp: boolean;
}

export interface LinkTarget {
  url: URL;
  token: string;
  source: 'app' | 'env';
}

/** The sentence shown when an address cannot be used, or null. */
export function urlProblem(text: string, allowHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Địa chỉ máy chủ thành phố không hợp lệ (ví dụ: https://hcc.thanhpho.gov.vn).';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowHttp) return null;
  if (url.protocol === 'http:') return 'Chỉ kết nối tới thành phố qua HTTPS (đặt QMS_CITY_ALLOW_HTTP=1 nếu chỉ thử trong mạng LAN).';
  return 'Địa chỉ phải bắt đầu bằng https://';
}

export class LinkSettings {
  private constructor(
    private readonly db: Low<LinkFile>,
    readonly env: LinkEnvironment,
  ) {}

  static async open(dataDir: string, env: LinkEnvironment): Promise<LinkSettings> {
    const db = new Low<LinkFile>(new DurableJSONFile(join(dataDir, 'city-link.json'), (d) => cityLinkSettingsSchema.parse(d)), { url: '', token: '' });
    await db.read();
    return new LinkSettings(db, env);
  }

  /** The address and credential in force, or null when the link is off (or its address refused). */
  target(): LinkTarget | null {
    const app = this.db.data;
    const [url, token, source] = app.url ? [app.url, app.token, 'app' as const] : [this.env.url ?? '', this.env.token ?? '', 'env' as const];
    if (!url || !token || urlProblem(url, this.env.allowHttp)) return null;
    return { url: new URL(url), token, source };
  }

  /** What the managers' app shows: never the credential itself. */
  view(): { url: string; tokenSet: boolean; source: 'app' | 'env' | 'none'; problem: string | null } {
    const app = this.db.data;
    const url = app.url || this.env.url || '';
    const token = app.url ? app.token : (this.env.token ?? '');
    return { url, tokenSet: token !== '', source: app.url ? 'app' : this.env.url ? 'env' : 'none', problem: url ? urlProblem(url, this.env.allowHttp) : null };
  }

  /** An empty url goes back to the environment's settings; an empty token keeps the one saved. */
  async save(input: LinkFile): Promise<void> {
    const url = input.url.trim();
    if (url) {
      const problem = urlProblem(url, this.env.allowHttp);
      if (problem) throw new LinkSettingsError(problem);
    }
    const token = input.token.trim() || (url ? this.db.data.token : '');
    if (url && !token) throw new LinkSettingsError('Cần mã kết nối do thành phố cấp cho Trung tâm.');
    this.db.data = { url, token };
    await this.db.write();
  }
}

export class LinkSettingsError extends Error {}
