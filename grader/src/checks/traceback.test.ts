import { describe, expect, test } from 'vitest';
import { locateTraceback } from './traceback.ts';

const IMPORT_CRASH = `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19, in import_from_string
    module = importlib.import_module(module_str)
  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import
  File "/app/app.py", line 8, in <module>
    @app.get("/health")
     ^^^
NameError: name 'app' is not defined. Did you mean: 'appi'?`;

describe('locateTraceback', () => {
  test('points at the student file and line of the innermost own frame, with the exception', () => {
    expect(locateTraceback(IMPORT_CRASH)).toEqual({ file: 'starter/app.py', line: 8, error: "NameError: name 'app' is not defined. Did you mean: 'appi'?" });
  });

  test('ignores frames of the standard library and installed packages', () => {
    expect(locateTraceback('  File "/usr/local/lib/python3.13/site-packages/x.py", line 3\nValueError: x')).toBeUndefined();
  });

  test('no traceback, no location', () => {
    expect(locateTraceback('INFO:     Started server process [1]')).toBeUndefined();
  });
});

describe('crashFinding', () => {
  test('names the file:line and the exception when the logs hold a traceback', async () => {
    const { crashFinding } = await import('./traceback.ts');
    const finding = crashFinding('Le conteneur s’est arrêté.', IMPORT_CRASH, '`docker logs`');
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/app.py', line: 8 });
    expect(finding.message).toContain('NameError');
  });

  test('points at the logs when there is no traceback', async () => {
    const { crashFinding } = await import('./traceback.ts');
    const finding = crashFinding('Le conteneur s’est arrêté.', 'Killed', '`docker logs`');
    expect(finding.line).toBeUndefined();
    expect(finding.message).toContain('`docker logs`');
  });
});
