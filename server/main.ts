// Starts the centre's server with the real parts: settings from qms.env and the environment, the
// data folder on disk, the printer QMS_PRINTER names, the built apps.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { stopOnSignals } from './stop-on-signals';
import { createApp } from './app';
import { describeSettings, loadSettings } from './settings';
import { withSettingsFile } from './settings-file';
import { StartRefused } from './start-refusal';
import { withinLimit } from './within-limit';

const settings = loadSettings(withSettingsFile());
const logger = pino({ level: settings.logLevel });
logger.info({ settings: describeSettings(settings) }, 'starting');

const app = await createApp({
  settings,
  logger,
  distDir: fileURLToPath(new URL('../dist', import.meta.url)),
}).catch((err: unknown) => {
  // A data file that cannot be read: one sentence naming it and the backup, not a stack.
  if (!(err instanceof StartRefused)) throw err;
  logger.fatal(err.message);
  process.exit(1);
});
// A new data folder's voice is made before the server answers (a second of CPU here, on both
// cores, a few on a slow PC): the first sign-in, report or call never shares the machine with it.
// Half a minute at most, so an engine that hangs never keeps the kiosks out. An upgrade's clips
// keep serving while prepareVoice makes them again, below.
const VOICE_BEFORE_ANSWERING_MS = 30_000;
await app
  .makeMissingClips(VOICE_BEFORE_ANSWERING_MS)
  .then((made) => made || logger.warn('the voice clips are still being made; the server answers meanwhile'))
  .catch((err) => logger.error({ err }, 'voice clips could not be made'));
// Then the reports' code is compiled, a few small builds over the latest days (a tenth of a
// second here): the first report a manager asks after a start, even the moment the server
// answers, runs in compiled code (npm run bench, a year of 36,000 visits: 84 ms at a first
// start and 48 after a restart, against 109 and 79 before). Ten seconds at most, for a disk
// that hardly answers.
const REPORTS_BEFORE_ANSWERING_MS = 10_000;
const warmUpStarted = performance.now();
const warmedUp = await withinLimit(app.warmUpReports(), REPORTS_BEFORE_ANSWERING_MS);
if (!warmedUp) logger.warn('the reports are still warming up; the server answers meanwhile');
else logger.info({ builds: warmedUp.value, ms: Math.round(performance.now() - warmUpStarted) }, 'reports warmed up');
const port = await app.listen().catch((err: NodeJS.ErrnoException) => {
  // The one start-up failure a newcomer meets: say it plainly instead of a stack.
  if (err.code === 'EADDRINUSE') logger.fatal(`Cổng ${settings.port} đang được dùng; đặt PORT=<cổng khác> / port ${settings.port} is in use, set PORT`);
  else logger.fatal({ err }, 'cannot listen');
  process.exit(1);
});

if (app.firstStartAccounts.length > 0) {
  // Printed once, on the first start only: the data folder keeps only hashes.
  const lines = app.firstStartAccounts.map((a) => `  ${a.role.padEnd(8)} ${a.username.padEnd(10)} ${a.password}`);
  process.stdout.write(`\nTài khoản được tạo lần đầu (hãy đổi mật khẩu):\n${lines.join('\n')}\n\n`);
}
app.prepareVoice().catch((err) => logger.error({ err }, 'voice clips could not be prepared'));
logger.info({ port, url: app.ctx.baseUrl() }, `Máy chủ xếp hàng đang chạy: ${app.ctx.baseUrl()}`);

stopOnSignals(logger, () => app.close());
