import { describe, expect, test } from 'vitest';
import { lineOfStep } from './failing-line.ts';

const MULTI = `# comment
FROM python:3.13-slim AS builder
WORKDIR /src
RUN pip wheel -r requirements.txt

FROM python:3.13-slim
ENV A=1
WORKDIR /app
COPY --from=builder /src /src
RUN pip install \\
    --no-cache-dir /src/*.whl
CMD ["uvicorn", "app:app"]
`;

describe('lineOfStep: the Dockerfile line of a BuildKit step', () => {
  test('a step of a named stage', () => {
    expect(lineOfStep(MULTI, { stage: 'builder', index: 3, total: 3, instruction: 'RUN pip wheel -r requirements.txt' })).toBe(4);
  });
  test('an unnamed stage by its number, continuation lines folded', () => {
    expect(lineOfStep(MULTI, { stage: 'stage-1', index: 4, total: 4, instruction: 'RUN pip install     --no-cache-dir /src/*.whl' })).toBe(10);
  });
  test('no stage printed: the last stage; falls back to the step number among FROM/RUN/COPY/ADD/WORKDIR', () => {
    expect(lineOfStep(MULTI, { index: 3, total: 4, instruction: 'COPY something the frontend printed differently' })).toBe(9);
  });
  test('the same instruction in two stages resolves in the step’s stage', () => {
    const text = 'FROM python:3.13-slim AS a\nRUN make\nFROM python:3.13-slim AS b\nRUN make\n';
    expect(lineOfStep(text, { stage: 'b', index: 2, total: 2, instruction: 'RUN make' })).toBe(4);
  });
});
