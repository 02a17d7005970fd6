// Paths shared by the bench scripts.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const rootDir = resolve(benchDir, '..');
export const distDir = join(rootDir, 'dist');
export const srcDir = join(rootDir, 'src');
/**
 * Generated files (bundles, pages, intermediate JSON). Under node_modules so that git, ESLint and Prettier leave
 * them alone.
 */
export const cacheDir = join(benchDir, 'node_modules', '.cache', 'yuno-bench');

export function ensureCacheDir(...parts) {
  const dir = join(cacheDir, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const rootPackage = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));

/** The installed version of a package, resolved from the bench (its own devDependencies) or the root. */
export function installedVersion(name) {
  for (const base of [join(benchDir, 'node_modules'), join(rootDir, 'node_modules')]) {
    try {
      return JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')).version;
    } catch {
      // not installed here
    }
  }
  return undefined;
}
