import { DockerfileParser, From } from 'dockerfile-ast';
import type { BuildStep } from './build-log.ts';

/** Instructions BuildKit shows as numbered steps of a stage (`[2/5] RUN …`); the others only set config. */
const COUNTED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

/**
 * Line (1-based) of the Dockerfile instruction a BuildKit step names, e.g. `[builder 3/4] RUN pip
 * install -r requirements.txt` → the line of that RUN in stage `builder`. Stages are named as
 * BuildKit names them (`AS name`, else `stage-<n>`; no name when there is one stage). Matches keyword
 * and arguments with whitespace and line continuations folded; falls back to the step's number
 * among the stage's counted instructions.
 */
export function lineOfStep(dockerfileText: string, step: BuildStep): number | undefined {
  const fold = (text: string) => text.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const wanted = fold(step.instruction);
  const instructions = DockerfileParser.parse(dockerfileText).getInstructions();
  const stages: Array<{ name: string; items: typeof instructions }> = [];
  for (const instruction of instructions) {
    if (instruction instanceof From) stages.push({ name: instruction.getBuildStage() ?? `stage-${stages.length}`, items: [] });
    stages.at(-1)?.items.push(instruction);
  }
  const stage = step.stage ? stages.find((s) => s.name.toLowerCase() === step.stage!.toLowerCase()) : stages.at(-1);
  if (!stage) return undefined;
  const texts = stage.items.map((instruction) => ({
    line: instruction.getRange().start.line + 1,
    keyword: instruction.getKeyword().toUpperCase(),
    text: fold(`${instruction.getKeyword()} ${instruction.getArgumentsContent() ?? ''}`),
  }));
  const exact = texts.find((t) => t.text === wanted);
  if (exact) return exact.line;
  const prefix = texts.find((t) => wanted.length > 8 && (t.text.startsWith(wanted.slice(0, 40)) || wanted.startsWith(t.text.slice(0, 40))));
  if (prefix) return prefix.line;
  return texts.filter((t) => COUNTED.has(t.keyword))[step.index - 1]?.line;
}
