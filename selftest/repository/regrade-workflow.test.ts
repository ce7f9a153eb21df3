import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../support/actionlint.ts';
import { GRADER_ROOT } from '../../grader/src/integrity/files.ts';
import { templateFiles } from '../../grader/src/export/template.ts';

const FILE = '.github/workflows/regrade-class.yml';

describe('regrade-class workflow', () => {
  test('actionlint finds no problem', async () => {
    expect(await actionlint(await readFile(join(GRADER_ROOT, FILE), 'utf8'), FILE)).toEqual([]);
  });

  test('manual trigger; a matrix job regrades with --batch and uploads, a last job merges with --merge', async () => {
    const wf = parse(await readFile(join(GRADER_ROOT, FILE), 'utf8')) as Record<string, any>;
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const grade = wf.jobs.grade;
    expect(grade.strategy.matrix.chunk).toContain('fromJSON(needs.plan.outputs.chunks)');
    const steps = (job: any) => job.steps.map((s: any) => `${s.uses ?? ''} ${s.run ?? ''}`).join('\n');
    expect(steps(grade)).toMatch(/npm run --silent grade -- --batch \.\.\/class/);
    expect(steps(grade)).toContain('actions/upload-artifact@v7');
    expect(wf.jobs.gradebook.needs).toBe('grade');
    expect(steps(wf.jobs.gradebook)).toContain('actions/download-artifact@v8');
    expect(steps(wf.jobs.gradebook)).toMatch(/grade -- --merge artifacts --out gradebook/);
  });

  test('is not shipped to students', async () => {
    expect(await templateFiles(GRADER_ROOT)).not.toContain(FILE);
  });
});
