// First visit without any token: is this machine the counter's display or a staff PC?
import { texts as t } from './texts';

export function StartScreen() {
  return (
    <main class="start-screen">
      <h1>{t.startTitle}</h1>
      <p>{t.startIntro}</p>
      <div class="start-choices">
        <a class="start-choice" href="?display">
          <strong>{t.modeDevice}</strong>
          <span>{t.modeDeviceHint}</span>
        </a>
        <a class="start-choice" href="?console">
          <strong>{t.modeConsole}</strong>
          <span>{t.modeConsoleHint}</span>
        </a>
      </div>
    </main>
  );
}
