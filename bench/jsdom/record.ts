// Where the jsdom measurements leave their numbers for bench/run.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCacheDir } from '../lib/paths.mjs';

export function writeResult(name: string, value: unknown): void {
  writeFileSync(join(ensureCacheDir('jsdom'), `${name}.json`), JSON.stringify(value, null, 2));
}
