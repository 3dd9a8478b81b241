import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lifecycleMermaid, RequestStatus, STATUS_LABELS } from './request-lifecycle';

describe('docs/request-lifecycle.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/request-lifecycle.md'), 'utf8');

  it('contains the state diagram generated from the shared transition table', () => {
    // Regenerate with: pnpm --filter @gezhi/shared build && node shared/scripts/write-lifecycle-doc.js
    expect(doc).toContain('```mermaid\n' + lifecycleMermaid() + '\n```');
  });

  it('names every status with its Chinese label', () => {
    for (const status of Object.values(RequestStatus)) {
      expect(doc).toContain(`\`${status}\``);
      expect(doc).toContain(STATUS_LABELS[status]);
    }
  });
});
