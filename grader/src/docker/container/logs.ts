import type Docker from 'dockerode';

const MAX_LOG_BYTES = 64 * 1024;

/**
 * Splits Docker's multiplexed stdout/stderr frames (non-TTY containers and execs), each stream in
 * order, and both together in the order they came.
 */
export function demuxFrames(buffer: Buffer): { stdout: string; stderr: string; both: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const all: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const kind = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    if (kind === undefined || kind > 2 || buffer[offset + 1] !== 0 || offset + 8 + size > buffer.length) {
      // Not a multiplexed stream (TTY container): take the rest as is.
      out.push(buffer.subarray(offset));
      all.push(buffer.subarray(offset));
      offset = buffer.length;
      break;
    }
    const frame = buffer.subarray(offset + 8, offset + 8 + size);
    (kind === 2 ? err : out).push(frame);
    all.push(frame);
    offset += 8 + size;
  }
  if (offset < buffer.length) {
    out.push(buffer.subarray(offset));
    all.push(buffer.subarray(offset));
  }
  const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');
  return { stdout: text(out), stderr: text(err), both: text(all) };
}

/** The last lines a container printed, bounded in lines and bytes; empty when it cannot be read. */
export async function lastLogLines(docker: Docker, containerId: string, lines = 20): Promise<string> {
  try {
    const raw = (await docker.getContainer(containerId).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
    const text = demuxFrames(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))).both;
    const bounded = text.length > MAX_LOG_BYTES ? text.slice(-MAX_LOG_BYTES) : text;
    return bounded.split('\n').slice(-lines).join('\n').trimEnd();
  } catch {
    return '';
  }
}
