// The unit suite on React 18.2+, the oldest React the peer range allows: a copy of the repository whose node_modules
// holds React 18 in place of 19 (the rest hard-linked from this one), so that every import of react and react-dom, ours
// and the libraries', resolves to the same React 18. Arguments go to vitest: `npm run test:react18 -- --reporter=json`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REACT_18 = ['react@18.3.1', 'react-dom@18.3.1'];
const work = mkdtempSync(join(tmpdir(), 'yuno-react18-'));
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
};

let status;
try {
  // The repository as it is (tracked or not), without its node_modules and git data.
  for (const entry of readdirSync(root)) {
    if (entry === 'node_modules' || entry === '.git') continue;
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  }
  // Hard links: the copy costs a few seconds and no disk; a cross-device temp dir falls back to a real copy.
  const modules = join(work, 'node_modules');
  if (run('cp', ['-al', join(root, 'node_modules'), modules], root) !== 0) {
    cpSync(join(root, 'node_modules'), modules, { recursive: true });
  }
  const side = join(work, '.react18');
  if (
    run('npm', ['install', '--prefix', side, '--no-save', '--no-audit', '--no-fund', '--silent', ...REACT_18], work)
  ) {
    throw new Error('could not install React 18');
  }
  for (const name of readdirSync(join(side, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    rmSync(join(modules, name), { recursive: true, force: true });
    cpSync(join(side, 'node_modules', name), join(modules, name), { recursive: true });
  }
  const version = JSON.parse(readFileSync(join(modules, 'react-dom', 'package.json'), 'utf8')).version;
  console.log(`# unit suite on react and react-dom ${version}`);
  if (!version.startsWith('18.')) throw new Error(`react-dom ${version} is not React 18`);
  status = run(join(modules, '.bin', 'vitest'), ['run', '--project', 'unit', ...process.argv.slice(2)], work);
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
process.exit(status);
