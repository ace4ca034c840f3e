import { FIXTURE_CASE, buildDocument } from '@mimamoru/core';
import { describe, expect, it } from 'vitest';
import { DocumentInputSchema, DocumentKindSchema } from './documents.contract.js';

describe('DocumentInputSchema', () => {
  it('accepts the fixture case, and what it parses builds the same document', () => {
    const parsed = DocumentInputSchema.parse(JSON.parse(JSON.stringify(FIXTURE_CASE)));
    expect(buildDocument('evidence-list', parsed)).toEqual(buildDocument('evidence-list', FIXTURE_CASE));
  });

  it('leaves empty texts to the builder, which lists them', () => {
    const parsed = DocumentInputSchema.parse({ ...FIXTURE_CASE, requester: { name: '', address: '' } });
    expect(buildDocument('takedown-request', parsed).errors.map((e) => e.field)).toContain('requester.name');
  });

  it('refuses unknown fields, bad hashes, duplicate choices and unknown kinds', () => {
    const item = FIXTURE_CASE.evidence[0]!;
    const bad = {
      ...FIXTURE_CASE,
      extra: 1,
      evidence: [{ ...item, files: [{ ...item.files[0]!, sha256: 'XYZ' }] }],
      disclosure: { ...FIXTURE_CASE.disclosure!, hide: ['name', 'name'] },
      date: '2026-02-30',
    };
    const result = DocumentInputSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['', 'evidence.0.files.0.sha256', 'disclosure.hide', 'date']));
    expect(DocumentKindSchema.safeParse('takedown').success).toBe(false);
    expect(DocumentKindSchema.parse('post-list')).toBe('post-list');
  });
});
