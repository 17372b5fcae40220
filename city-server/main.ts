// npm run city: the city server with the real settings, its PostgreSQL and the built app.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { stopOnSignals } from '../server/stop-on-signals';
import { createCityApp } from './create-city-app';
import { CitySettingsError, describeCitySettings, loadCitySettings, type CitySettings } from './settings';

let settings: CitySettings;
try {
  settings = loadCitySettings();
} catch (err) {
  if (!(err instanceof CitySettingsError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
const logger = pino({ level: settings.logLevel });
logger.info({ settings: describeCitySettings(settings) }, 'starting the city server');

const app = await createCityApp({ settings, logger, distDir: fileURLToPath(new URL('../dist', import.meta.url)) }).catch((err) => {
  logger.fatal({ err }, 'Không mở được cơ sở dữ liệu PostgreSQL / cannot open the PostgreSQL database');
  process.exit(1);
});
const port = await app.listen().catch((err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') logger.fatal(`Cổng ${settings.port} đang được dùng; đặt PORT=<cổng khác> / port ${settings.port} is in use, set PORT`);
  else logger.fatal({ err }, 'cannot listen');
  process.exit(1);
});
if (app.firstStartAdmin) process.stdout.write(`\nTài khoản được tạo lần đầu (hãy đổi mật khẩu):\n  ${app.firstStartAdmin.username} ${app.firstStartAdmin.password}\n\n`);
logger.info({ port }, `Máy chủ thành phố đang chạy: ${settings.tls ? 'https' : 'http'}://…:${port}/city/`);

stopOnSignals(logger, () => app.close());
