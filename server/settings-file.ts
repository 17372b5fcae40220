// The server's settings in one file (qms.env: KEY=VALUE lines, the syntax systemd and
// dotenv share), so an IT person edits one place on Linux and on Windows alike. Variables
// set in the environment win over the file. Relative folders in the file are taken from the
// file's own folder, wherever the service was started from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Settings whose value is a folder or a file path. */
const PATH_KEYS = ['QMS_DATA_DIR'];

export const DEFAULT_SETTINGS_FILE = 'qms.env';

/** The environment with the settings file's values under it: QMS_SETTINGS_FILE, or ./qms.env when present. */
export function withSettingsFile(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = env.QMS_SETTINGS_FILE ? resolve(env.QMS_SETTINGS_FILE) : resolve(DEFAULT_SETTINGS_FILE);
  if (!existsSync(file)) {
    // Named but missing is a mistake worth stopping for; the default file is optional.
    if (env.QMS_SETTINGS_FILE) throw new Error(`Không tìm thấy tệp cấu hình ${file} (QMS_SETTINGS_FILE) / settings file not found`);
    return env;
  }
  const fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const key of PATH_KEYS) {
    const value = fromFile[key];
    if (value && !isAbsolute(value)) fromFile[key] = resolve(dirname(file), value);
  }
  return { ...fromFile, ...env, QMS_SETTINGS_FILE: file };
}
