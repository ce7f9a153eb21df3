/**
 * A build that needed an image registry and reached none: a `# syntax=` line (BuildKit fetches that
 * frontend image from a registry; without the line it uses the Dockerfile frontend built into it),
 * or a base image that is not on the machine.
 */
export type RegistryFailure = { kind: 'syntax'; ref: string; line: number } | { kind: 'base'; ref?: string };

/** Errors of a registry request that did not get an answer (name lookup, connection, TLS, timeout). */
const UNREACHABLE = /failed to do request|dial tcp|no such host|server misbehaving|i\/o timeout|connection refused|network is unreachable|TLS handshake timeout|Client\.Timeout|temporary failure in name resolution/i;

/** The `# syntax=` parser directive, when the Dockerfile opens with one (directives come before anything else). */
export function syntaxDirective(dockerfileText: string): { ref: string; line: number } | undefined {
  const lines = dockerfileText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (!directive) return undefined;
    if (directive[1]!.toLowerCase() === 'syntax') return { ref: directive[2]!, line: i + 1 };
  }
  return undefined;
}

/**
 * Whether a failed build's error is a registry that did not answer, and for what. `failedVertexes`
 * are the names of the vertexes that failed (`[internal] load metadata for python:3.99-slim`,
 * `resolve image config for docker/dockerfile:1`): older BuildKit names the image only there.
 */
export function registryFailure(error: string | undefined, dockerfileText: string | undefined, failedVertexes: string[] = []): RegistryFailure | undefined {
  if (!error || !UNREACHABLE.test(error)) return undefined;
  const syntax = dockerfileText ? syntaxDirective(dockerfileText) : undefined;
  const named = [error, ...failedVertexes].join('\n');
  if (syntax && (named.includes(syntax.ref) || /frontend gateway/i.test(error))) return { kind: 'syntax', ...syntax };
  const ref = /(?:resolve source metadata for|load metadata for|resolve image config for) (\S+?):?(?:\s|$)/.exec(named)?.[1];
  return { kind: 'base', ...(ref ? { ref } : {}) };
}
