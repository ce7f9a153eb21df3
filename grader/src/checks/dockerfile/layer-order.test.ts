import { describe, expect, it } from 'vitest';
import { criterion as check } from './layer-order.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';
import { lab as BASICS } from '../../../../labs/docker-basics/lab.ts';
import { lab as BASIC1 } from '../../../../labs/docker-basic-1/lab.ts';

const INSTALL = 'COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt';
const withInstall = (lines: string): string => GOOD.replace(INSTALL, lines);

describe('dockerfile.layer-order', () => {
  it.each([
    ['the reference order', GOOD],
    ['COPY requirements.txt ./', withInstall('COPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt')],
    ['an absolute destination', withInstall('COPY requirements.txt /tmp/\nRUN pip install --no-cache-dir -r /tmp/requirements.txt')],
    ['a file destination', withInstall('COPY ./requirements.txt requirements.txt\nRUN pip install --no-cache-dir -r ./requirements.txt')],
    ['a destination directory without slash', withInstall('COPY requirements.txt /app\nRUN pip install --no-cache-dir -r /app/requirements.txt')],
    ['the exec form of COPY', withInstall('COPY ["requirements.txt", "./"]\nRUN pip install --no-cache-dir -r requirements.txt')],
    ['--requirement=', withInstall('COPY requirements.txt .\nRUN python -m pip install --no-cache-dir --requirement=requirements.txt')],
    ['pip3 with line continuations', withInstall('COPY requirements.txt .\nRUN pip3 install \\\n    --no-cache-dir \\\n    -r requirements.txt')],
    ['cd inside the RUN', withInstall('COPY requirements.txt /deps/\nRUN cd /deps && pip install --no-cache-dir -r requirements.txt')],
    ['COPY . . after the install', GOOD.replace('COPY app.py .', 'COPY . .')],
    ['a bind mount instead of a COPY', withInstall('RUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt pip install --no-cache-dir -r /tmp/requirements.txt')],
    [
      'a builder stage',
      'FROM python:3.13-slim AS builder\nWORKDIR /build\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --prefix=/install -r requirements.txt\n' +
        'FROM python:3.13-slim\nWORKDIR /app\nCOPY --from=builder /install /usr/local\nCOPY app.py .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    ],
  ])('accepts %s', async (_name, dockerfile) => {
    expect((await runOnDockerfile(check, dockerfile)).status).toBe('pass');
  });

  it('fails COPY . . before the install, explaining the layer cache', async () => {
    const finding = await runOnDockerfile(check, withInstall('COPY . .\nRUN pip install --no-cache-dir -r requirements.txt'));
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line: 3 });
    expect(finding.message).toMatch(/cache/);
    expect(finding.message).toMatch(/avant l’installation/);
  });

  it('fails requirements.txt copied together with the code', async () => {
    const finding = await runOnDockerfile(check, withInstall('COPY requirements.txt app.py ./\nRUN pip install --no-cache-dir -r requirements.txt'));
    expect(finding).toMatchObject({ status: 'fail', line: 3 });
    expect(finding.message).toMatch(/pas copié seul/);
  });

  it('fails the code copied before requirements.txt', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('COPY app.py .\n', '').replace('COPY requirements.txt .', 'COPY app.py .\nCOPY requirements.txt .'));
    expect(finding).toMatchObject({ status: 'fail', line: 3 });
  });

  it('fails an install that reads a path no COPY provided', async () => {
    const finding = await runOnDockerfile(check, withInstall('COPY requirements.txt /tmp/\nRUN pip install --no-cache-dir -r requirements.txt'));
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
    expect(finding.message).toMatch(/\/app\/requirements\.txt/);
  });

  it('fails packages installed by name instead of from requirements.txt', async () => {
    const finding = await runOnDockerfile(check, withInstall('RUN pip install --no-cache-dir fastapi uvicorn'));
    expect(finding).toMatchObject({ status: 'fail', line: 3 });
    expect(finding.message).toMatch(/requirements\.txt/);
  });

  it('fails when no pip install exists, even in a comment', async () => {
    const finding = await runOnDockerfile(check, withInstall('# RUN pip install -r requirements.txt'));
    expect(finding.status).toBe('fail');
  });

  it('fails when the code is never copied', async () => {
    const finding = await runOnDockerfile(check, GOOD.replace('COPY app.py .\n', ''));
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
    expect(finding.message).toMatch(/jamais copié/);
  });

  it('grades real folders: the reference passes, COPY . . first fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const broken = withInstall('COPY . .\nRUN pip install --no-cache-dir -r requirements.txt');
    expect(await runOnFolder(check, { 'starter/Dockerfile': broken })).toMatchObject({ status: 'fail', line: 3 });
  });
});

describe('dockerfile.layer-order, in the words of the lab graded', () => {
  it('names the application and its code file (docker-basics: l’application, app.py)', async () => {
    const late = await runOnDockerfile(check, GOOD.replace('COPY app.py .\n', ''), BASICS);
    expect(late.message).toBe('Le code de l’application n’est jamais copié après l’installation des dépendances : l’image ne contiendrait pas app.py. Ajoutez COPY app.py . après le RUN pip install.');
  });

  it('names another lab’s code file (docker-basic-1: welcome.py)', async () => {
    const first = await runOnDockerfile(check, withInstall(`COPY . .\n${INSTALL}`), BASIC1);
    expect(first.message).toContain('chaque modification de welcome.py relancerait tout le pip install');
    expect(first.message).toContain('puis copiez le code (COPY welcome.py .)');
  });
});
