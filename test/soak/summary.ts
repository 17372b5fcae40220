// The soak's result as a person reads it at the end of `npm run soak`.
import type { SoakResult } from './soak';

export function formatSummary(r: SoakResult): string {
  const f = r.faults;
  const downtime = f.downtimesMs.length ? `${Math.min(...f.downtimesMs)}–${Math.max(...f.downtimesMs)} ms down each` : 'none';
  const lines = [
    `Soak: ${r.durationMs / 1000} s of busy day, seed ${r.seed}, ${(r.elapsedMs / 1000).toFixed(1)} s in all`,
    `  tickets ${r.tickets}, phones ${r.phones}, calls and recalls ${r.announcements.calls}: the speaking display announced ${r.announcements.heard} ` +
      `(${r.announcements.whileOffline} made while it reconnected, ${r.announcements.inDoubt} from commands in doubt, ${r.announcements.missedOnline} missed while connected)`,
    `  commands ${r.commands.total}: ${r.commands.ok} acknowledged, ${r.commands.refused} refused, ${r.commands.inDoubt} in doubt (${r.commands.inDoubtHappened} of them happened)`,
    `    ${Object.entries(r.commands.byType)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')}`,
    `  faults: ${f.kills} kill -9 (${downtime}), ${f.blips} network blips, ${f.awayDrops} devices away for a while, ` +
      `${f.paperOuts} paper-outs, ${f.printerSilences} silent printer spells, ${f.slowDiskWindows} slow-disk windows, ` +
      `${f.diskFullWindows} disk-full windows, ${f.clockSteps} clock steps`,
    `  checks: ${r.checks.filter((c) => c.ok).length} of ${r.checks.length} passed`,
  ];
  for (const c of r.checks) {
    lines.push(`    ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`);
    for (const d of c.details) lines.push(`         ${d}`);
  }
  for (const o of r.observations) lines.push(`  observed: ${o}`);
  if (r.workDir) lines.push(`  files: ${r.workDir}`);
  return lines.join('\n');
}
