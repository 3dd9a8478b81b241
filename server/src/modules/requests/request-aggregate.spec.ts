import * as fs from 'node:fs';
import * as path from 'node:path';

/** The whistle chain is part of the request aggregate: whistle/ depends on requests/, never the reverse. */
describe('the request aggregate', () => {
  const root = __dirname;
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('requests/ imports nothing from whistle/', () => {
    const offenders = files(root).filter((file) => /from '(\.\.\/)+whistle\//.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('only the request ledger updates the row of a filed request', () => {
    const modules = path.resolve(root, '..');
    const writers = files(modules).filter((file) => !file.endsWith('.spec.ts') && /update\(RequestEntity\)/.test(fs.readFileSync(file, 'utf8')));
    expect(writers.map((f) => path.relative(modules, f))).toEqual([path.join('requests', 'request-ledger.ts')]);
  });
});
