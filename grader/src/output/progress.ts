import type { ProgressEvent, RunPhase } from '../model/progress.ts';

/**
 * The progress a student reads while the grader works: one French line per phase as it starts,
 * with the time elapsed since the run began; on a terminal, one live line below them for what is
 * running now (build step, base image download in percent), redrawn in place; in GitHub Actions and
 * through a pipe, plain lines only (no carriage return), with a « toujours en cours » line when
 * nothing was printed for a while, so a log never stays silent for long.
 */

/** `live`: a terminal; `lines`: a pipe, a file, a CI log; `silent`: nothing (a program reads the JSON). */
export type ProgressMode = 'live' | 'lines' | 'silent';

export function progressMode(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, options: { silent?: boolean } = {}): ProgressMode {
  if (options.silent) return 'silent';
  if (env.GITHUB_ACTIONS === 'true' || env.CI === 'true' || env.TERM === 'dumb') return 'lines';
  return stream.isTTY ? 'live' : 'lines';
}

const PHASES: Record<RunPhase, { start: string; doing: string }> = {
  prepare: { start: 'Correction en cours : chargement du correcteur…', doing: 'chargement du correcteur' },
  static: { start: 'Lecture de vos fichiers (Dockerfile, rapport…)…', doing: 'lecture des fichiers' },
  engine: { start: 'Connexion au moteur Docker…', doing: 'connexion à Docker' },
  build: {
    start: "Construction de l'image de starter/ (la première fois, Docker télécharge l'image de base : quelques minutes)…",
    doing: "construction de l'image",
  },
  container: { start: "Démarrage d'un conteneur de l'image et attente de sa réponse HTTP…", doing: 'conteneur de l’image' },
  program: { start: "Exécution du programme de l'image (docker run --rm, avec une variable d'environnement, avec une commande)…", doing: 'exécution du programme' },
  'stack-up': { start: 'Démarrage de la pile Compose (docker compose up, PostgreSQL compris)…', doing: 'démarrage de la pile Compose' },
  psql: { start: 'Requête psql dans le service db…', doing: 'requête psql' },
  persistence: { start: 'Vérification de la persistance des données (down puis up)…', doing: 'vérification de la persistance' },
  'stack-down': { start: 'Arrêt de la pile Compose…', doing: 'arrêt de la pile Compose' },
  cleanup: { start: 'Nettoyage des conteneurs, volumes et réseaux de la correction…', doing: 'nettoyage' },
  report: { start: 'Mise en forme du compte rendu…', doing: 'mise en forme du compte rendu' },
};

/** `12 s`, `2 min 05 s`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** `12,3 Mo`. */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} Mo`;
}

/** A build instruction as the student wrote it: its first line, without control characters, cut. */
function instructionText(instruction: string, max = 70): string {
  // eslint-disable-next-line no-control-regex
  const line = (instruction.split('\n')[0] ?? '').replace(/[\x00-\x1f\x7f-\x9f]/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export interface ProgressRendererOptions {
  mode: ProgressMode;
  write: (text: string) => void;
  /** Clock (tests pass their own). */
  now?: () => number;
  /** `lines` mode: at most this long without a line while something runs (default 5 s). */
  heartbeatMs?: number;
  /** `live` mode: the terminal's width; the live line is cut to fit. */
  columns?: number;
  /** When the run began, if earlier than this renderer (`npm test`'s launcher). */
  startedAt?: number;
  /** Phases already announced by whoever began the run: running, not announced again. */
  announced?: RunPhase[];
}

type Pull = Extract<ProgressEvent, { kind: 'pull' }>;
type Step = Extract<ProgressEvent, { kind: 'build-step' }>;

export class ProgressRenderer {
  private readonly mode: ProgressMode;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  private readonly columns: number;
  private readonly startedAt: number;
  private lastWriteAt: number;
  private readonly running = new Map<RunPhase, number>();
  private step?: Step;
  private pull?: Pull;
  /** `lines` mode: the tenth of the download last printed. */
  private pullTenth = -1;
  private liveShown = false;
  private timer?: NodeJS.Timeout;

  constructor(options: ProgressRendererOptions) {
    this.mode = options.mode;
    this.write = options.write;
    this.now = options.now ?? Date.now;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.columns = Math.max(20, options.columns || 80);
    this.startedAt = options.startedAt ?? this.now();
    this.lastWriteAt = this.startedAt;
    for (const phase of options.announced ?? []) this.running.set(phase, this.startedAt);
  }

  /** Starts the clock that redraws the live line every second and writes the heartbeat lines. */
  start(): this {
    if (this.mode !== 'silent' && !this.timer) {
      this.timer = setInterval(() => this.tick(), 1_000);
      this.timer.unref();
    }
    return this;
  }

  /** Stops the clock and clears the live line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clearLive();
  }

  readonly listener = (event: ProgressEvent): void => this.onEvent(event);

  onEvent(event: ProgressEvent): void {
    if (this.mode === 'silent') return;
    switch (event.kind) {
      case 'phase':
        if (event.event === 'start') {
          if (this.running.has(event.phase)) return; // announced already
          this.running.set(event.phase, this.now());
          this.line(PHASES[event.phase].start);
        } else {
          this.running.delete(event.phase);
          if (event.phase === 'build') {
            this.step = undefined;
            this.pull = undefined;
          }
        }
        break;
      case 'build-step':
        this.step = event;
        if (this.mode === 'lines') this.line(`  ${this.stepText(event)}`);
        break;
      case 'pull': {
        this.pull = event.layersDone < event.layers || event.currentBytes < event.totalBytes ? event : undefined;
        const tenth = event.totalBytes > 0 ? Math.floor((10 * event.currentBytes) / event.totalBytes) : 0;
        if (this.mode === 'lines' && tenth !== this.pullTenth) {
          this.pullTenth = tenth;
          this.line(`  ${this.pullText(event)}`);
        }
        break;
      }
      case 'done':
        this.running.clear();
        this.step = undefined;
        this.pull = undefined;
        this.line('Correction terminée : voici le résultat.');
        this.stop();
        return;
    }
    this.drawLive();
  }

  /** Redraws the live line (terminal) or writes a « toujours en cours » line after a silence (lines). */
  tick(): void {
    if (this.mode === 'live') this.drawLive();
    else if (this.mode === 'lines' && this.running.size > 0 && this.now() - this.lastWriteAt >= this.heartbeatMs) {
      this.line(`… toujours en cours : ${this.activity()}`);
    }
  }

  private elapsed(): string {
    return `[${formatElapsed(this.now() - this.startedAt)}]`;
  }

  private stepText(step: Step): string {
    return `étape ${step.stage ? `${step.stage} ` : ''}${step.index}/${step.total} : ${instructionText(step.instruction)}`;
  }

  private pullText(pull: Pull): string {
    const percent = pull.totalBytes > 0 ? Math.floor((100 * pull.currentBytes) / pull.totalBytes) : 0;
    const layers = `${pull.layersDone}/${pull.layers} couche${pull.layers > 1 ? 's' : ''}`;
    return `téléchargement de ${pull.image ?? "l'image de base"} : ${percent} % (${megabytes(pull.currentBytes)} sur ${megabytes(pull.totalBytes)}, ${layers})`;
  }

  /** What runs now, most recent phase first, with the build's step or download, and for how long. */
  private activity(): string {
    const phases = [...this.running.entries()];
    if (phases.length === 0) return '';
    const [phase, since] = phases.at(-1)!;
    // The download first: its percent is what a narrow terminal must still show.
    if (this.running.has('build') && this.pull) return this.pullText(this.pull);
    const parts = [PHASES[phase].doing];
    if (this.running.has('build') && this.step) parts.push(this.stepText(this.step));
    return `${parts.join(' — ')} (depuis ${formatElapsed(this.now() - since)})`;
  }

  private line(text: string): void {
    this.clearLive();
    this.write(`${this.elapsed()} ${text}\n`);
    this.lastWriteAt = this.now();
  }

  private drawLive(): void {
    if (this.mode !== 'live' || this.running.size === 0) return;
    const text = `${this.elapsed()} ${this.activity()}`;
    const cut = text.length > this.columns - 1 ? `${text.slice(0, this.columns - 2)}…` : text;
    this.write(`\r\x1b[2K${cut}`);
    this.liveShown = true;
  }

  private clearLive(): void {
    if (!this.liveShown) return;
    this.write('\r\x1b[2K');
    this.liveShown = false;
  }
}
