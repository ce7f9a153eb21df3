import { DockerfileParser } from 'dockerfile-ast';

/**
 * Line (1-based) of the Dockerfile instruction a classic-builder step names, e.g.
 * `RUN pip install -r requirements.txt` → the line of that RUN. Matches keyword and arguments with
 * whitespace and line continuations folded; falls back to the N-th instruction.
 */
export function lineOfStep(dockerfileText: string, step: { index: number; instruction: string }): number | undefined {
  const fold = (text: string) => text.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const wanted = fold(step.instruction);
  const instructions = DockerfileParser.parse(dockerfileText).getInstructions();
  const texts = instructions.map((instruction) => ({
    line: instruction.getRange().start.line + 1,
    text: fold(`${instruction.getKeyword()} ${instruction.getArgumentsContent() ?? ''}`),
  }));
  const exact = texts.find((t) => t.text === wanted);
  if (exact) return exact.line;
  const prefix = texts.find((t) => wanted.length > 8 && (t.text.startsWith(wanted.slice(0, 40)) || wanted.startsWith(t.text.slice(0, 40))));
  if (prefix) return prefix.line;
  return texts[step.index - 1]?.line;
}
