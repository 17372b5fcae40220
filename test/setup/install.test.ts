// A fresh `npm ci` runs to the end without a question: every dependency whose install script
// must run (esbuild checks its binary, @serialport/bindings-cpp picks its prebuilt binding)
// is approved in package.json's allowScripts, so npm 11 neither warns nor, in later
// releases, skips them. A dependency update that brings a new install script fails here
// until someone reviews it (`npm install-scripts approve <pkg>`).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
// npm before 11.x has no install-script policy: nothing to check there.
const hasPolicy = spawnSync('npm', ['install-scripts', '--help'], { cwd: root, encoding: 'utf8' }).status === 0;
if (!hasPolicy) console.warn('\n!!! SKIPPING the install-script check: this npm has no `npm install-scripts` (npm 11.19 or later has)\n');

describe.skipIf(!hasPolicy)('npm ci on a fresh machine', () => {
  it('leaves no installed package with an install script outside allowScripts', () => {
    const out = execFileSync('npm', ['install-scripts', 'ls', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).allowScripts).toEqual([]);
  });

  it('approves exactly the two packages whose scripts the server needs', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(pkg.allowScripts).toEqual({ esbuild: true, '@serialport/bindings-cpp': true });
  });
});
