// Yuno's OpenAPI files and webhook examples are kept in test/fixtures so that the tests run from a plain clone. When
// the reference copies sit beside the repository (../shared), they must be identical: a changed file there means the
// fixtures, and what the tests check, are out of date.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pairs = [
  ['test/fixtures/yuno-openapi', '../shared/yuno-openapi'],
  ['test/fixtures/yuno-webhooks', '../shared/yuno-webhooks'],
];
let failed = 0;
for (const [fixtures, reference] of pairs) {
  const ref = join(root, reference);
  if (!existsSync(ref)) {
    console.log(`# ${reference} is not beside this clone: nothing to compare ${fixtures} with`);
    continue;
  }
  const wanted = readdirSync(ref).filter((f) => !f.includes('postman'));
  for (const file of wanted) {
    const mine = join(root, fixtures, file);
    const same = existsSync(mine) && readFileSync(mine).equals(readFileSync(join(ref, file)));
    if (!same) failed += 1;
    console.log(
      `${same ? 'ok' : 'not ok'} - ${fixtures}/${file} ${same ? 'matches' : 'differs from'} ${reference}/${file}`,
    );
  }
}
process.exit(failed ? 1 : 0);
