import fs from 'node:fs';
import path from 'node:path';

/** The image ships src/ and ingest/ without test/ (and bench/ builds without it): none of them may import test/. */
const root = path.resolve(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'samples' || e.name === 'node_modules' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

test('src, ingest and bench never import from test/', () => {
  const offenders: string[] = [];
  for (const top of ['src', 'ingest', 'bench']) {
    for (const file of tsFiles(path.join(root, top))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = path.relative(root, path.resolve(path.dirname(file), m[1]));
        if (target === 'test' || target.startsWith(`test${path.sep}`)) offenders.push(`${path.relative(root, file)} → ${m[1]}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});
