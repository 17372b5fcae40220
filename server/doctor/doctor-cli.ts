// `npm run doctor`: tells the IT person at the centre, in Vietnamese, what stands in the way
// of the server (port, data folder, disk, printer, clock) and what to do. Exits 1 when
// something must be fixed, so a setup script can stop on it.
import { loadSettings } from '../settings';
import { withSettingsFile } from '../settings-file';
import { runChecks, type Finding } from './checks';
import { doctorTexts as t } from './texts';

const mark: Record<Finding['level'], string> = { ok: t.ok, warn: t.warn, error: t.error };

export function report(findings: Finding[], settingsFile: string | undefined): string {
  const lines = [t.title, t.settingsFrom(settingsFile), ''];
  for (const f of findings) {
    lines.push(`[${mark[f.level]}] ${f.message}`);
    if (f.fix && f.level !== 'ok') lines.push(`    ${t.fix}: ${f.fix}`);
  }
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warn').length;
  lines.push('', errors + warnings === 0 ? t.allGood : t.problems(errors, warnings));
  return lines.join('\n') + '\n';
}

const env = withSettingsFile();
const findings = await runChecks(loadSettings(env));
// Exit at once: a port held by a silent program may keep a probe's socket open for seconds.
process.stdout.write(report(findings, env.QMS_SETTINGS_FILE), () => process.exit(findings.some((f) => f.level === 'error') ? 1 : 0));
