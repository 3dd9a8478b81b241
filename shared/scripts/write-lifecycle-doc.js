#!/usr/bin/env node
// Regenerates the state diagram in docs/request-lifecycle.md from shared/src/request-lifecycle.ts (via dist/).
// A unit test (request-lifecycle-doc.spec.ts) fails when the doc and the code disagree.
const fs = require('node:fs');
const path = require('node:path');
const { lifecycleMermaid } = require('../dist/request-lifecycle');

const doc = path.join(__dirname, '../../docs/request-lifecycle.md');
const begin = '<!-- BEGIN GENERATED: lifecycleMermaid() -->';
const end = '<!-- END GENERATED -->';
const text = fs.readFileSync(doc, 'utf8');
const block = `${begin}\n\`\`\`mermaid\n${lifecycleMermaid()}\n\`\`\`\n${end}`;
const start = text.indexOf(begin);
const stop = text.indexOf(end, start);
if (start < 0 || stop < 0) throw new Error(`markers not found in ${doc}`);
fs.writeFileSync(doc, text.slice(0, start) + block + text.slice(stop + end.length));
console.log('updated', path.relative(process.cwd(), doc));
