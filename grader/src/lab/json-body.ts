// The JSON answers a lab's HTTP contract expects, as its readiness `accepts` them.

/** Whether a body is a JSON object with exactly `expected`'s keys and values (key order and spacing free, nothing else). */
export function isJsonObject(body: string, expected: Readonly<Record<string, string | number | boolean | null>>): boolean {
  try {
    const value = JSON.parse(body) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(expected);
    return Object.keys(value).length === entries.length && entries.every(([key, want]) => (value as Record<string, unknown>)[key] === want);
  } catch {
    return false;
  }
}
