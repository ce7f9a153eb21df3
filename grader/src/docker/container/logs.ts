import type Docker from 'dockerode';

const MAX_LOG_BYTES = 64 * 1024;

/** Splits Docker's multiplexed stdout/stderr frames (non-TTY containers) into plain text. */
export function demuxLogs(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const kind = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    if (kind === undefined || kind > 2 || buffer[offset + 1] !== 0 || offset + 8 + size > buffer.length) {
      // Not a multiplexed stream (TTY container): take the rest as is.
      parts.push(buffer.subarray(offset));
      break;
    }
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The last lines a container printed, bounded in lines and bytes; empty when it cannot be read. */
export async function lastLogLines(docker: Docker, containerId: string, lines = 20): Promise<string> {
  try {
    const raw = (await docker.getContainer(containerId).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
    const text = demuxLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
    const bounded = text.length > MAX_LOG_BYTES ? text.slice(-MAX_LOG_BYTES) : text;
    return bounded.split('\n').slice(-lines).join('\n').trimEnd();
  } catch {
    return '';
  }
}
