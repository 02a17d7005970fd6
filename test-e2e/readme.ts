import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's "Next.js" section shows the example's code: every line of each code block that names a file in its
 * first line (`// app/checkout/page.tsx`) must appear in that file, in the same order. Returns what does not.
 */
export function readmeSnippetMismatches(root: string, exampleDir: string): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^## Next\.js\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) return ['README.md has no "## Next.js" section'];
  const problems: string[] = [];
  let blocks = 0;
  for (const [, code] of section.matchAll(/```tsx?\n([\s\S]*?)```/g)) {
    const [first = '', ...lines] = (code ?? '').split('\n');
    const file = /^\/\/ (\S+)/.exec(first)?.[1];
    if (!file) continue;
    blocks++;
    const source = readFileSync(join(exampleDir, file), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    let at = 0;
    for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
      const found = source.indexOf(line, at);
      if (found < 0) problems.push(`${file}: "${line}" is not in the file (after line ${at})`);
      else at = found + 1;
    }
  }
  if (blocks === 0) problems.push('the "Next.js" section shows no file of the example');
  return problems;
}
