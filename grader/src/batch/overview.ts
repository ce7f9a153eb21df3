import { classStats, type Gradebook } from './gradebook.ts';
import { BASE_STYLE, escapeHtml, page } from './html.ts';
import { MIN_QUESTIONS, type ClassAnswers } from './similarities.ts';
import type { Span } from '../similarity/class-index.ts';

/** What a listed pair is called: a lead, never a verdict. */
export const SIMILAR_LABEL = 'Réponses très proches, à examiner';

const STYLE = `${BASE_STYLE}
.cards { display: flex; flex-wrap: wrap; gap: .8rem; padding: 0; margin: 0 0 1.5rem; }
.cards div { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.cards dt { font-size: .8rem; color: #555; } .cards dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.histogram { display: flex; align-items: flex-end; gap: 4px; height: 160px; border-bottom: 1px solid #999; margin-bottom: .2rem; }
.histogram .bin { flex: 1; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; height: 100%; }
.histogram .bar { width: 100%; background: #4a78c2; min-height: 1px; }
.histogram .count { font-size: .8rem; }
.axis { display: flex; gap: 4px; font-size: .75rem; color: #555; margin-bottom: 1.5rem; } .axis span { flex: 1; text-align: center; }
ol.rates { list-style: none; padding: 0; }
ol.rates li { display: grid; grid-template-columns: 22rem 1fr 4rem; gap: .6rem; align-items: center; margin: .15rem 0; }
ol.rates .track { background: #eee; height: .9rem; border-radius: 3px; overflow: hidden; }
ol.rates .fill { background: #2e8b57; height: 100%; }
ol.rates .rate { text-align: right; font-variant-numeric: tabular-nums; }
th[data-key] { cursor: pointer; user-select: none; } th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
.tampered { color: #b3261e; font-weight: 600; }
details.pair { border: 1px solid #ddd; border-radius: 6px; padding: .4rem .8rem; margin: .4rem 0; }
details.pair summary { cursor: pointer; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: .3rem 0 .8rem; }
.side h4 { margin: .2rem 0; font-size: .85rem; color: #555; }
.side p { white-space: pre-wrap; margin: 0; background: #f5f5f7; padding: .5rem; border-radius: 4px; }
.side mark { background: #ffe08a; }
#review td.answer { white-space: pre-wrap; max-width: 30rem; } #review td.reason { color: #555; }
`;

// Sorting: click a header (again to reverse); `#sort=<key>:<asc|desc>` in the address sorts on load.
const SCRIPT = `
(function () {
  var table = document.getElementById('students');
  var heads = table.querySelectorAll('th[data-key]');
  function sortBy(key, dir) {
    var index = -1, numeric = false;
    heads.forEach(function (th) {
      if (th.dataset.key === key) { index = th.cellIndex; numeric = th.dataset.type === 'number'; th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending'); }
      else th.removeAttribute('aria-sort');
    });
    if (index < 0) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].dataset.value, y = b.cells[index].dataset.value, r;
      if (numeric) {
        var nx = x === '' ? -Infinity : Number(x), ny = y === '' ? -Infinity : Number(y);
        r = nx - ny;
      } else r = x.localeCompare(y);
      return dir === 'asc' ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  heads.forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th.dataset.key, th.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc'); });
  });
  var m = /sort=([a-z_-]+):(asc|desc)/.exec(location.hash);
  if (m) sortBy(m[1], m[2]);
})();
`;

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/** `text` escaped, with the passages of `spans` (sorted, disjoint) in <mark>. */
export function highlighted(text: string, spans: readonly Span[] = []): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    const [from, to] = [Math.max(at, Math.min(start, text.length)), Math.min(end, text.length)];
    if (to <= from) continue;
    parts.push(escapeHtml(text.slice(at, from)), `<mark>${escapeHtml(text.slice(from, to))}</mark>`);
    at = to;
  }
  parts.push(escapeHtml(text.slice(at)));
  return parts.join('');
}

/** The pairs with near-identical answers, each answer side by side with the matching passages marked (student text escaped). */
function similaritySection(book: Gradebook, answers: readonly ClassAnswers[]): string[] {
  const similarities = book.similarities ?? [];
  const base = book.baseText ?? [];
  const body = [
    `<h2 id="similar-answers">${SIMILAR_LABEL}</h2>`,
    `<p>Pairs of students whose own answers to at least ${MIN_QUESTIONS} questions are near-identical, the matching passages marked. ` +
      "Left out: commands, pasted output, the template's text" +
      (base.length > 0 ? `, the base text (<span id="base-text">${escapeHtml(base.join(', '))}</span>)` : ' (no base text given: <code>--base-text FILE</code> leaves out the handout the students received)') +
      ', and phrasing many students share. A lead to read before deciding anything, never a verdict nor a penalty: no score depends on it.</p>',
  ];
  if (similarities.length === 0) {
    body.push('<p id="similar-none">No pair of near-identical answers.</p>');
    return body;
  }
  const textOf = (name: string, id: string) => answers.find((s) => s.name === name)?.answers.find((a) => a.id === id)?.text ?? '';
  body.push('<div id="similar-pairs">');
  for (const pair of similarities) {
    body.push(
      `<details class="pair" data-a="${escapeHtml(pair.a)}" data-b="${escapeHtml(pair.b)}" data-score="${pair.score.toFixed(2)}">`,
      `<summary><strong>${escapeHtml(pair.a)}</strong> ↔ <strong>${escapeHtml(pair.b)}</strong> — ${SIMILAR_LABEL.toLowerCase()} : ${pair.questions.length} question${pair.questions.length > 1 ? 's' : ''} (${escapeHtml(pair.questions.join(', '))}), ${Math.round(pair.score * 100)} %</summary>`,
    );
    const evidence = new Map((pair.answers ?? []).map((a) => [a.question, a]));
    for (const id of pair.questions) {
      const found = evidence.get(id);
      const side = (name: string, spans: Span[] | undefined) => `<div><h4>${escapeHtml(name)}</h4><p>${highlighted(textOf(name, id), spans)}</p></div>`;
      body.push(
        `<h3>${escapeHtml(id)}${found ? ` <small>${Math.round(found.score * 100)} %</small>` : ''}</h3>`,
        `<div class="side" data-question="${escapeHtml(id)}">${side(pair.a, found?.a)}${side(pair.b, found?.b)}</div>`,
      );
    }
    body.push('</details>');
  }
  body.push('</div>');
  return body;
}

/** The instructor's review list: per student, the answers the grade was unsure of, with why (they kept their points). */
function reviewSection(book: Gradebook): string[] {
  const rows = book.rows.filter((row) => (row.review ?? []).length > 0);
  const body = [
    '<h2 id="review-list">Answers to review</h2>',
    '<p>Answers the automatic grade was not sure of: they kept their points and the student was told nothing. Read them; change a grade by hand only if you disagree.</p>',
  ];
  if (rows.length === 0) {
    body.push('<p id="review-none">No answer to review.</p>');
    return body;
  }
  body.push('<table id="review"><thead><tr><th>Submission</th><th>Question</th><th>Answer</th><th>Why it was flagged</th></tr></thead><tbody>');
  for (const row of rows) {
    for (const item of row.review!) {
      body.push(
        `<tr class="review-item" data-name="${escapeHtml(row.name)}" data-question="${escapeHtml(item.question)}">` +
          `<td><a href="submissions/${encodeURIComponent(row.file)}.html">${escapeHtml(row.name)}</a></td><td>${escapeHtml(item.question)}</td>` +
          `<td class="answer">${escapeHtml(item.answer)}</td><td class="reason">${escapeHtml(item.reason)}</td></tr>`,
      );
    }
  }
  body.push('</tbody></table>');
  return body;
}

/** The class overview: summary figures, score histogram, pass rate per criterion (worst first), similar answers, sortable table. */
export function renderOverview(book: Gradebook, answers: readonly ClassAnswers[] = []): string {
  const stats = classStats(book);
  const heading = book.lab ? `Class overview — ${escapeHtml(book.lab.title)} <small id="lab-id">${escapeHtml(book.lab.id)}</small>` : 'Class overview';
  const body: string[] = [`<h1>${heading}</h1>`, `<p>Generated ${escapeHtml(book.generatedAt)}${book.staticOnly ? ' — static criteria only' : ''}.</p>`];
  const card = (id: string, label: string, value: string | number) => `<div><dt>${label}</dt><dd id="${id}">${escapeHtml(String(value))}</dd></div>`;
  body.push(
    '<dl class="cards">',
    card('student-count', 'Submissions', stats.students),
    card('graded-count', 'Graded', stats.graded),
    card('error-count', 'Errors', stats.errors),
    card('tampered-count', 'Tampered', stats.tampered),
    card('similar-count', 'Pairs to examine', (book.similarities ?? []).length),
    card('review-count', 'Answers to review', book.rows.reduce((sum, row) => sum + (row.review ?? []).length, 0)),
    card('mean-score', 'Mean score', stats.mean ?? '—'),
    card('median-score', 'Median score', stats.median ?? '—'),
    card('max-score', 'Out of', stats.maxScore),
    '</dl>',
  );

  const tallest = Math.max(1, ...stats.histogram.map((b) => b.count));
  body.push('<h2>Score distribution</h2>', '<div class="histogram" id="histogram">');
  for (const bin of stats.histogram) {
    const height = (bin.count / tallest) * 100;
    body.push(`<div class="bin" data-from="${bin.from}" data-count="${bin.count}" title="${bin.from}–${bin.to} %: ${bin.count}"><span class="count">${bin.count || ''}</span><div class="bar" style="height:${height.toFixed(1)}%"></div></div>`);
  }
  body.push('</div>', `<div class="axis">${stats.histogram.map((b) => `<span>${b.from}–${b.to === 100 ? '100' : b.to - 1} %</span>`).join('')}</div>`);

  body.push('<h2>Pass rate per criterion (worst first)</h2>', '<ol class="rates" id="pass-rates">');
  for (const c of stats.passRates) {
    body.push(
      `<li class="criterion" data-id="${escapeHtml(c.id)}" data-rate="${c.rate.toFixed(4)}"><span>${escapeHtml(c.title)} <code>${escapeHtml(c.id)}</code>${c.maxPoints === 0 ? ' (advice)' : ''}</span>` +
        `<span class="track"><span class="fill" style="display:block;width:${(c.rate * 100).toFixed(1)}%"></span></span><span class="rate">${percent(c.rate)}</span></li>`,
    );
  }
  body.push('</ol>');
  body.push(...reviewSection(book));
  body.push(...similaritySection(book, answers));

  body.push(
    '<h2>Students</h2>',
    '<table id="students"><thead><tr>',
    '<th data-key="name" data-type="text">Submission</th><th data-key="status" data-type="text">Status</th>',
    '<th data-key="score" data-type="number" class="num">Score</th><th data-key="percent" data-type="number" class="num">%</th>',
    '<th data-key="review" data-type="number" class="num">To review</th><th data-key="tampered" data-type="number">Tampered files</th><th data-key="commit" data-type="text">Commit</th><th data-key="graded_at" data-type="text">Graded at</th>',
    '</tr></thead><tbody>',
  );
  for (const row of book.rows) {
    const pct = row.score !== null && row.maxScore > 0 ? Math.round((row.score / row.maxScore) * 100) : null;
    const link = `submissions/${encodeURIComponent(row.file)}.html`;
    const status = row.status === 'error' ? `<span class="error">error</span>: ${escapeHtml(row.error ?? '')}` : 'graded';
    body.push(
      `<tr data-name="${escapeHtml(row.name)}">` +
        `<td data-value="${escapeHtml(row.name.toLowerCase())}"><a href="${link}">${escapeHtml(row.name)}</a></td>` +
        `<td data-value="${row.status}">${status}</td>` +
        `<td class="num" data-value="${row.score ?? ''}">${row.score ?? '—'}/${row.maxScore}</td>` +
        `<td class="num" data-value="${pct ?? ''}">${pct ?? '—'}</td>` +
        `<td class="num" data-value="${(row.review ?? []).length}">${(row.review ?? []).length || ''}</td>` +
        `<td data-value="${row.tampered.length}">${row.tampered.length > 0 ? `<span class="tampered">⚠ ${row.tampered.length}</span> ${escapeHtml(row.tampered.join(', '))}` : ''}</td>` +
        `<td data-value="${escapeHtml(row.commit ?? '')}"><code>${escapeHtml((row.commit ?? '').slice(0, 10))}</code></td>` +
        `<td data-value="${escapeHtml(row.gradedAt)}">${escapeHtml(row.gradedAt)}</td></tr>`,
    );
  }
  body.push('</tbody></table>');
  return page({ title: `Class overview — ${book.lab?.title ?? 'Docker lab'}`, lang: 'en', style: STYLE, body: body.join('\n'), script: SCRIPT });
}
