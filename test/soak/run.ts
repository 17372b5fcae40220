// `npm run soak [-- --minutes 5 --kills 10 --seed 42 --rate 3 --keep]`: a long soak with a
// log of the faults as they happen and a summary at the end; exit code 1 if a check failed.
// `npm run soak -- --year [--days 250 --day-seconds 9]`: a year of working days (year.ts).
import { parseArgs } from 'node:util';
import { runSoak } from './soak';
import { formatSummary } from './summary';
import { runYear } from './year';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    kills: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    year: { type: 'boolean', default: false },
    days: { type: 'string', default: '250' },
    'day-seconds': { type: 'string', default: '9' },
  },
});

if (values.year) {
  process.once('SIGINT', () => process.exit(130));
  const year = await runYear({
    days: Number(values.days),
    daySeconds: Number(values['day-seconds']),
    seed: values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31),
    keepFiles: values.keep,
    log: (line) => console.log(line),
  });
  console.log(`\nA year in an hour: ${year.ok ? 'every check passed' : 'FAILED'}\n${JSON.stringify(year.figures, null, 2)}`);
  for (const f of year.failures) console.log(`  FAIL ${f}`);
  process.exit(year.ok ? 0 : 1);
}

const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error('--minutes must be a positive number');
const durationMs = Math.round(minutes * 60_000);
// About one crash every half minute of the day, and at least two.
const kills = values.kills !== undefined ? Number(values.kills) : Math.max(2, Math.round(durationMs / 30_000));
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);

// Ctrl-C: exit normally so the soak's exit hook kills the server and removes its files.
process.once('SIGINT', () => process.exit(130));

const result = await runSoak({
  durationMs,
  kills,
  seed,
  arrivalsPerSecond: Number(values.rate),
  keepFiles: values.keep,
  log: (line) => console.log(line),
});
console.log(`\n${formatSummary({ ...result, workDir: values.keep ? result.workDir : '' })}`);
process.exit(result.ok ? 0 : 1);
