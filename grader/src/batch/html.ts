import { escapeHtml } from '../text/escape.ts';

export { escapeHtml };

/**
 * A self-contained HTML page: no network access is allowed by its Content-Security-Policy (inline
 * style, and inline script only when `script` is given).
 */
export function page(options: { title: string; lang: string; style: string; body: string; script?: string }): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${options.script ? "; script-src 'unsafe-inline'" : ''}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.style}</style>`,
    '</head>',
    '<body>',
    options.body,
    options.script ? `<script>${options.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const BASE_STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d1d1f; }
h1, h2, h3 { line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f5f5f7; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
code { background: #f5f5f7; padding: 0 .2rem; }
.pass { color: #176f2c; } .fail { color: #b3261e; } .skip { color: #8a6d00; } .error { color: #7b1fa2; }
.warn { background: #fff4e5; border-left: 4px solid #e8a33d; padding: .5rem .8rem; }
`;
