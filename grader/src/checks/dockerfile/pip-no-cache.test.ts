import { describe, expect, it } from 'vitest';
import { criterion as check } from './pip-no-cache.ts';
import { GOOD, runOnDockerfile, runOnFolder } from './testing.ts';

const RUN = 'RUN pip install --no-cache-dir -r requirements.txt';
const withRun = (lines: string): string => GOOD.replace(RUN, lines);

describe('dockerfile.pip-no-cache', () => {
  it.each([
    ['--no-cache-dir', GOOD],
    ['--no-cache-dir after -r', withRun('RUN pip install -r requirements.txt --no-cache-dir')],
    ['--no-cache-dir as a global option', withRun('RUN pip --no-cache-dir install -r requirements.txt')],
    ['line continuations', withRun('RUN pip install \\\n    --no-cache-dir \\\n    -r requirements.txt')],
    ['&& chains', withRun('RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r requirements.txt')],
    ['ENV PIP_NO_CACHE_DIR=1', withRun('ENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt')],
    ['ENV PIP_NO_CACHE_DIR true (legacy syntax)', withRun('ENV PIP_NO_CACHE_DIR true\nRUN pip install -r requirements.txt')],
    ['ENV PIP_NO_CACHE_DIR=off (pip disables the cache for any boolean)', withRun('ENV PIP_NO_CACHE_DIR=off\nRUN pip install -r requirements.txt')],
    ['ARG PIP_NO_CACHE_DIR=1', withRun('ARG PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt')],
    ['an inline assignment', withRun('RUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt')],
    ['an export in the same RUN', withRun('RUN export PIP_NO_CACHE_DIR=yes && pip install -r requirements.txt')],
    ['a cache mount', withRun('RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt')],
    ['a purge of the cache in the same RUN', withRun('RUN pip install -r requirements.txt && rm -rf /root/.cache/pip')],
    ['a here-document', withRun('RUN <<EOF\nset -e\npip install --no-cache-dir -r requirements.txt\nEOF')],
    ['the exec form', withRun('RUN ["pip", "install", "--no-cache-dir", "-r", "requirements.txt"]')],
    ['uv pip --no-cache', withRun('RUN uv pip install --system --no-cache -r requirements.txt')],
    ['python -m pip', withRun('RUN python3 -m pip install --no-cache-dir -r requirements.txt')],
    ['a builder stage whose cache stays behind', 'FROM python:3.13-slim AS b\nRUN pip install --prefix=/i -r r.txt\nFROM python:3.13-slim\nCOPY --from=b /i /usr/local\n'],
  ])('accepts %s', async (_name, dockerfile) => {
    expect((await runOnDockerfile(check, dockerfile)).status).toBe('pass');
  });

  it.each([
    ['no flag', withRun('RUN pip install -r requirements.txt'), 4],
    ['the flag on another command of the chain', withRun('RUN pip install --no-cache-dir --upgrade pip && pip install -r requirements.txt'), 4],
    ['the flag in a comment', withRun('# pip install --no-cache-dir\nRUN pip install -r requirements.txt'), 5],
    ['the flag in an echo', withRun('RUN echo "--no-cache-dir" && pip install -r requirements.txt'), 4],
    ['PIP_NO_CACHE_DIR set after the RUN', withRun('RUN pip install -r requirements.txt\nENV PIP_NO_CACHE_DIR=1'), 4],
    ['an invalid PIP_NO_CACHE_DIR', withRun('ENV PIP_NO_CACHE_DIR=maybe\nRUN pip install -r requirements.txt'), 5],
    ['a second install without the flag', GOOD.replace('COPY app.py .', 'COPY app.py .\nRUN pip install httpx'), 6],
  ])('rejects %s', async (_name, dockerfile, line) => {
    const finding = await runOnDockerfile(check, dockerfile);
    expect(finding).toMatchObject({ status: 'fail', file: 'starter/Dockerfile', line });
    expect(finding.message).toMatch(/--no-cache-dir/);
  });

  it('asks uv for --no-cache', async () => {
    const finding = await runOnDockerfile(check, withRun('RUN uv pip install --system -r requirements.txt'));
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
    expect(finding.message).toMatch(/--no-cache /);
  });

  it('fails when nothing is installed with pip, saying what to add', async () => {
    const finding = await runOnDockerfile(check, withRun('RUN echo nothing'));
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/RUN pip install --no-cache-dir -r requirements\.txt/);
  });

  it('grades real folders: the reference passes, a plain pip install fails', async () => {
    expect((await runOnFolder(check)).status).toBe('pass');
    const finding = await runOnFolder(check, { 'starter/Dockerfile': withRun('RUN pip install -r requirements.txt') });
    expect(finding).toMatchObject({ status: 'fail', line: 4 });
  });
});
