import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

/** docs/architecture.md's module picture is generated from the code (scripts/architecture.js); it must not drift. */
const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const architecture = require(join(ROOT, 'scripts/architecture.js')) as {
  section(): string;
  withSection(doc: string, generated: string): string;
  differences(doc: string, generated: string): string[];
  serverModules(): { id: string }[];
  DOC: string;
};

describe('docs/architecture.md', () => {
  it('shows every Nest module and mini-program package the code has, as scripts/architecture.js draws them', () => {
    const doc = readFileSync(architecture.DOC, 'utf8');
    const generated = architecture.section();
    expect(architecture.differences(doc, generated)).toEqual([]);
    expect(architecture.withSection(doc, generated)).toBe(doc);
  });

  it('fails when a module is missing from the doc (the check the script runs with --check)', () => {
    const doc = readFileSync(architecture.DOC, 'utf8');
    const withoutBoard = doc
      .split('\n')
      .filter((line) => !/m_board\b|^\| board \|/.test(line))
      .join('\n');
    expect(architecture.differences(withoutBoard, architecture.section()).length).toBeGreaterThan(0);
    expect(architecture.serverModules().map((m) => m.id)).toEqual(expect.arrayContaining(['board', 'bookings', 'review', 'metrics-report', 'services']));
    expect(() => execFileSync('node', [join(ROOT, 'scripts/architecture.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
