import { execSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

/** Debian's Chromium (no test tool downloads a browser of its own here), installed when missing. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const find = () => execSync('command -v chromium || true', { shell: '/bin/sh', encoding: 'utf8' }).trim();
  let path = find();
  if (!path) {
    process.stdout.write('Chromium is missing: installing it with apt-get…\n');
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    execSync(`${sudo}apt-get update && ${sudo}apt-get install -y chromium`, {
      shell: '/bin/sh',
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = find();
  }
  if (!path) throw new Error('Chromium could not be installed (apt-get install -y chromium)');
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
