import type { CriterionResult, GradeReport } from '../model/result.ts';
import type { Rubric } from '../rubric/rubric.ts';
import { groupViews, isAdvice } from './groups.ts';
import { location } from './format.ts';
import { escapeXml } from '../text/escape.ts';

type Verdict = 'passed' | 'failure' | 'error' | 'skipped';

/** Advice criteria (0 points) give feedback without failing the suite: reported as skipped. */
function verdict(c: CriterionResult): Verdict {
  if (c.status === 'error') return 'error';
  if (c.status === 'skip' || (c.status === 'fail' && isAdvice(c))) return 'skipped';
  if (c.status === 'fail' || c.points < c.maxPoints) return 'failure';
  return 'passed';
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(c: CriterionResult, suite: string): string {
  const where = location(c);
  const text = `${where ? `${where} : ` : ''}${c.message}`;
  const head = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(`${c.id} — ${c.title}`)}" time="${seconds(c.durationMs)}">`;
  const props = `<properties><property name="points" value="${c.points}"/><property name="maxPoints" value="${c.maxPoints}"/></properties>`;
  const out = c.excerpt ? `<system-out>${escapeXml(c.excerpt)}</system-out>` : '';
  const message = escapeXml(isAdvice(c) ? `conseil : ${c.message}` : c.message);
  const body: Record<Verdict, string> = {
    passed: '',
    failure: `<failure message="${message}">${escapeXml(text)}</failure>`,
    error: `<error message="${message}">${escapeXml(text)}</error>`,
    skipped: `<skipped message="${message}"/>`,
  };
  return `${head}${props}${body[verdict(c)]}${out}</testcase>`;
}

function attrs(criteria: CriterionResult[]): string {
  const n = (v: Verdict) => criteria.filter((c) => verdict(c) === v).length;
  const time = seconds(criteria.reduce((sum, c) => sum + c.durationMs, 0));
  return `tests="${criteria.length}" failures="${n('failure')}" errors="${n('error')}" skipped="${n('skipped')}" time="${time}"`;
}

/** JUnit XML: one `<testsuite>` per exercise group, one `<testcase>` per criterion. */
export function renderJunit(report: GradeReport, rubric: Rubric): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="${escapeXml(`Note ${report.score}/${report.maxScore}`)}" ${attrs(report.criteria)}>`);
  for (const g of groupViews(report, rubric)) {
    lines.push(`  <testsuite name="${escapeXml(`${g.label} — ${g.score}/${g.maxScore}`)}" ${attrs(g.criteria)}>`);
    for (const c of g.criteria) lines.push(testcase(c, g.id));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
