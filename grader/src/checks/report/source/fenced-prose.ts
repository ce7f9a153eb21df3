// Prose in a fenced code block: beginners often write their explanation inside ``` fences. A block
// of French or English sentences (no shell prompt, no command, no command output) is the answer's
// prose and joins its text; pasted terminal output stays a code block (read only where the question
// asks what was seen).
import type { French } from '../../../text/french.ts';
import type { Answer } from './answer.ts';

// A line of a terminal session or of a log: a shell or psql prompt, a Compose log prefix, a log
// level, a traceback frame, a table header of docker ps.
export const TERMINAL_LINE =
  /^\s*(?:\$ |# |\/\w* # |\w+=[#>] |PS [A-Z]:|[\w.-]+@[\w.-]+[:$]|[\w-]+-\d+\s+\||(?:INFO|ERROR|WARNING|DEBUG):|Traceback|File "|CONTAINER ID|NAME\s+IMAGE|REPOSITORY\s+TAG)/;
// A command typed on its own line, or a line of output: columns aligned with runs of spaces, JSON,
// `key=value`, a Dockerfile or YAML instruction.
const COMMAND_LINE = /^\s*(?:docker|curl|sudo|cd|ls|psql|python3?|pip|uvicorn|apt(?:-get)?|npm|git|exit|echo|uname|cat|wget|SELECT|FROM|RUN|COPY|CMD|WORKDIR|EXPOSE)\b(?!\s+(?:est|sont|a|permet|affiche|montre|is|are|lists?|shows?)\b)/;
const OUTPUT_LINE = /\S {3,}\S|^\s*[{}[\]]|^\s*"[\w-]+"\s*:|^\s*[\w.-]+=\S|^\s*[\w-]+:\s*$|^\s*-\s+[\w-]+:\s/;

/** Least share of a prose block's lines that read as sentences (at least 3 words, one stop word). */
const SENTENCE_LINES = 0.6;
/** Least share of stop words over the block's words (French and English prose run at 30–50 %). */
const STOP_SHARE = 0.2;

/** Whether a code block's content is prose: sentences, no prompt, no command, no output. */
export function isProseBlock(code: string, fr: French): boolean {
  const lines = code.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return false;
  let sentences = 0;
  let words = 0;
  let stops = 0;
  for (const line of lines) {
    if (TERMINAL_LINE.test(line) || OUTPUT_LINE.test(line)) return false;
    if (COMMAND_LINE.test(line) && !/[.!?]$/.test(line)) return false; // a command, not a sentence about one
    const lineWords = fr.words(line);
    const lineStops = lineWords.filter((w) => fr.isStopWord(w)).length;
    if (lineWords.length >= 3 && lineStops > 0) sentences++;
    words += lineWords.length;
    stops += lineStops;
  }
  const bullets = lines.filter((line) => /^[-*•]\s/.test(line)).length;
  return sentences >= SENTENCE_LINES * (lines.length - bullets) && words >= 5 && stops >= STOP_SHARE * words;
}

/** The answer with its prose code blocks read as prose (they stay in `codeBlocks` too, as capture evidence). */
export function withFencedProse(answer: Answer, fr: French): Answer {
  const prose = answer.codeBlocks.filter((code) => isProseBlock(code, fr));
  if (prose.length === 0) return answer;
  return { ...answer, text: [answer.text, ...prose.map((code) => code.trim())].filter((part) => part !== '').join('\n') };
}
