import { Packer } from 'docx';
import { buildDocument } from '../src/lib/export/docx.ts';
import { generatedPlan } from './generated-plan.ts';
const plan = generatedPlan(300);
for (let i = 0; i < 4; i++) {
  const a = performance.now();
  const doc = buildDocument(plan, { language: 'en' });
  const b = performance.now();
  const buf = await Packer.toBuffer(doc);
  const c = performance.now();
  console.log('build', Math.round(b - a), 'pack', Math.round(c - b), buf.length);
}
