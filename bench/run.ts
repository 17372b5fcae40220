// `npm run bench`: every figure the issues ask for, in one run, with the machine it ran on.
// `npm run bench -- queue printer` runs only the named groups.
import { cpus, totalmem } from 'node:os';
import { benchCentralDisplay } from './central-display';
import { benchCity } from './city';
import { benchDayRollover } from './day-rollover';
import { benchKioskPrint } from './kiosk-print';
import { benchQueueServer } from './queue-server';
import { benchReports } from './reports';
import { benchRestore } from './restore';
import { benchServerProcess } from './server-process';
import { benchSignInBurst } from './sign-in-burst';
import { benchSpeech } from './speech';
import { benchStress } from './stress';
import { benchTicketPrint } from './ticket-print';
import { benchWaitEstimate } from './wait-estimate';
import { meets, type Figure } from './stats';

type Group = { name: string; run: () => Promise<Figure[]> };

const groups: Group[] = [
  { name: 'queue', run: benchQueueServer },
  { name: 'printer', run: benchTicketPrint },
  { name: 'kiosk', run: benchKioskPrint },
  { name: 'speech', run: benchSpeech },
  { name: 'displays', run: benchCentralDisplay },
  { name: 'reports', run: benchReports },
  { name: 'server', run: benchServerProcess },
  { name: 'day', run: benchDayRollover },
  { name: 'stress', run: benchStress },
  { name: 'city', run: benchCity },
  { name: 'sign-in', run: benchSignInBurst },
  { name: 'restore', run: benchRestore },
  { name: 'waits', run: benchWaitEstimate },
];

const only = process.argv.slice(2);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Máy đo / machine: ${machine}\n`);

let failed = 0;
for (const g of groups) {
  if (only.length && !only.includes(g.name)) continue;
  console.log(`## ${g.name}`);
  try {
    for (const f of await g.run()) {
      const ok = meets(f);
      const mark = ok === undefined ? ' ' : ok ? '✓' : '✗';
      console.log(`${mark} ${f.name.padEnd(52)} ${f.value.toFixed(f.value < 10 ? 2 : 0).padStart(10)} ${f.unit.padEnd(4)} ${f.target ?? ''}`);
    }
  } catch (err) {
    failed++;
    console.log(`✗ ${g.name} failed: ${(err as Error).stack}`);
  }
  console.log('');
}
process.exit(failed ? 1 : 0);
