import { request } from 'node:http';

export type HttpAnswer =
  | { kind: 'response'; status: number; body: string }
  | { kind: 'no-answer'; reason: string };

const MAX_BODY = 64 * 1024;

/** One GET on the loopback interface, bounded in time and body size. */
export function httpGet(port: number, path: string, timeoutMs = 2_000): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk.slice(0, MAX_BODY - body.length);
      });
      res.on('end', () => resolve({ kind: 'response', status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ kind: 'no-answer', reason: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ kind: 'no-answer', reason: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end();
  });
}
