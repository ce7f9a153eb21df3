import { describe, expect, it } from 'vitest';
import { TEMPLATE_DIR } from '../../submission/testing.ts';
import { criterion as check, targetPath } from './screenshots.ts';
import { gradeReport, gradeWith, REFERENCE_REPORT, withAnswer } from './testing.ts';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('targetPath', () => {
  it.each([
    ['captures/a.png', 'captures/a.png'],
    ['./captures/a.png', 'captures/a.png'],
    ['/captures/a.png', 'captures/a.png'],
    ['<captures/docker ps.png>', 'captures/docker ps.png'],
    ['captures/docker%20ps.png', 'captures/docker ps.png'],
    ['captures/l%E2%80%99image.png', 'captures/l’image.png'],
    ['captures/a.png?raw=true#x', 'captures/a.png'],
    ['starter/../captures/a.png', 'captures/a.png'],
    ['captures/100%.png', 'captures/100%.png'],
  ])('%s names %s', (target, path) => expect(targetPath(target)).toEqual({ kind: 'file', path }));

  it('accepts remote images without a path', () => {
    expect(targetPath('https://user-images.githubusercontent.com/1/x.png')).toMatchObject({ kind: 'remote' });
    expect(targetPath('//example.com/x.png')).toMatchObject({ kind: 'remote' });
  });

  it.each([
    ['../outside.png', 'sort du dépôt'],
    ['/../x.png', 'sort du dépôt'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data:'],
    ['C:\\Users\\moi\\capture.png', 'ordinateur'],
    ['file:///home/moi/x.png', 'ordinateur'],
    ['captures\\x.png', '« \\ »'],
    ['', 'vide'],
  ])('rejects %s', (target, reason) => {
    const resolution = targetPath(target);
    expect(resolution.kind).toBe('broken');
    if (resolution.kind === 'broken') expect(resolution.reason).toContain(reason);
  });
});

describe('report.screenshots', () => {
  it('passes on the reference, whose images use every link form', async () => {
    for (const form of ['](captures/', '](./captures/', '](/captures/', '%20', '%E2%80%99', '](<captures/', '<img src="captures/', '![Session psql][psql]']) {
      expect(REFERENCE_REPORT).toContain(form);
    }
    expect(await gradeReport(check, REFERENCE_REPORT)).toEqual({ status: 'pass', message: '' });
  });

  it('fails the template: every capture question lacks evidence', async () => {
    const [finding] = await gradeWith([check], {}, TEMPLATE_DIR);
    expect(finding).toMatchObject({ status: 'fail' });
    expect(finding!.message).toMatch(/sans preuve : 1\.b \(ligne \d+\), 3\.c .*5\.c .*6\.b/);
  });

  it('passes with a remote image, saying it was not verified', async () => {
    const finding = await gradeReport(check, withAnswer('5.d', '![health](https://example.com/health.png)'));
    expect(finding).toMatchObject({ status: 'pass', message: expect.stringContaining('distante') });
  });

  it.each([
    ['a missing file', '![x](captures/absente.png)', {}, 'absent'],
    ['a path leaving the repository', '![x](../outside.png)', {}, 'sort du dépôt'],
    ['a symlink out of the repository', '![x](captures/lien.png)', { 'captures/lien.png': { symlink: '/etc/hostname' } }, 'lien symbolique'],
    ['a file outside the student folders', '![x](README.md)', {}, 'hors des dossiers rendus'],
    ['a wrong letter case', '![x](captures/Hello-World.png)', {}, 'majuscules'],
    ['a folder', '![x](captures)', {}, 'dossier'],
    ['an HTML image', '<img src="captures/nope.png">', {}, 'absent'],
    ['a data: URI', '![x](data:image/png;base64,iVBORw0KGgo=)', {}, 'data:'],
  ] as const)('reports %s as broken, with its line', async (_, link, overlay, reason) => {
    const report = withAnswer('5.d', `Voici :\n\n${link}`);
    const line = report.split('\n').indexOf(link) + 1;
    const finding = await gradeReport(check, report, overlay);
    expect(finding).toMatchObject({ status: 'fail', file: 'REPORT.md', line });
    expect(finding.message).toContain(`ligne ${line}`);
    expect(finding.message).toContain(reason);
  });

  it('accepts an image that exists under a name with spaces and an apostrophe', async () => {
    const report = withAnswer('5.d', '![x](<captures/mon image’s.png>) et ![y](captures/mon%20image%E2%80%99s.png)');
    expect(await gradeReport(check, report, { 'captures/mon image’s.png': PNG })).toMatchObject({ status: 'pass' });
  });

  it('lists capture questions without evidence, accepting pasted terminal output', async () => {
    const report = withAnswer('4.b', 'Ça marche, l’API répond bien.');
    const finding = await gradeReport(check, report);
    expect(finding).toMatchObject({ status: 'fail', message: expect.stringContaining('sans preuve : 4.b') });
    const pasted = withAnswer('5.c', '```\n$ docker compose ps\ntp-api-1   Up\n```');
    expect(await gradeReport(check, pasted)).toMatchObject({ status: 'pass' });
  });
});
