import { describe, expect, test } from 'vitest';
import { renderJunit } from './junit.ts';
import { RUBRIC, sampleReport } from './testing.ts';

describe('renderJunit', () => {
  const xml = renderJunit(sampleReport(), RUBRIC);

  test('one suite per group, one case per criterion, with counts', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.match(/<testcase /g)).toHaveLength(6);
    expect(xml).toMatch(/<testsuites name="Note 2\/16" tests="6" failures="2" errors="1" skipped="2"/);
    expect(xml).toContain('<testcase classname="dockerfile" name="dockerfile.present — Dockerfile présent" time="0.012"><properties>');
  });

  test('advice failures are skipped, not failures; student text is escaped and control characters dropped', () => {
    expect(xml).toMatch(/name="dockerfile\.non-root[^>]*>.*<skipped message="conseil : Ajoutez `USER`\."\/>/);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/pre&gt;&lt;script&gt;');
    expect(xml).not.toMatch(/\x1b/);
  });
});
