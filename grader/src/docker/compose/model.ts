/** The normalised Compose model printed by `docker compose config --format json` (the parts used here). */
export interface ComposeModel {
  name?: string;
  services?: Record<string, Record<string, unknown>>;
  volumes?: Record<string, Record<string, unknown> | null>;
  networks?: Record<string, Record<string, unknown> | null>;
  secrets?: Record<string, Record<string, unknown>>;
  configs?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
