import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from './settings';
import { withSettingsFile } from './settings-file';

describe('the settings file', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('fills the settings from qms.env, the environment winning, folders taken from the file\'s folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'qms-settings-'));
    const file = join(dir, 'qms.env');
    await writeFile(file, '# comment\nPORT=3100\nQMS_DATA_DIR=du-lieu\nQMS_PRINTER="tcp://192.168.1.50:9100"\n');
    const settings = loadSettings(withSettingsFile({ QMS_SETTINGS_FILE: file, PORT: '3200' }));
    expect(settings).toMatchObject({ port: 3200, dataDir: join(dir, 'du-lieu'), printer: 'tcp://192.168.1.50:9100' });
  });

  it('refuses a settings file that is named but missing, and does without the default one', () => {
    expect(() => withSettingsFile({ QMS_SETTINGS_FILE: '/khong-co/qms.env' })).toThrow(/Không tìm thấy tệp cấu hình/);
    expect(withSettingsFile({ PORT: '1' })).toEqual({ PORT: '1' });
  });
});
