import { describe, expect, it } from 'vitest';
import { LAW_URLS } from '../law/offences.js';
import { tasksForStage } from './stage-tasks.js';
import { WORKFLOW_STAGES } from './workflow.js';

const base = { enteredOn: '2026-12-01', platforms: [] } as const;

describe('tasks created when a case enters a stage', () => {
  it('a deletion request on a designated platform asks staff to check the answer after 7 days (情プラ法)', () => {
    const tasks = tasksForStage('deletion-requested', { ...base, platforms: ['x'] });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: 'deletion-requested.check-platform-answer.x',
      dueOn: '2026-12-08',
      basis: { law: '情報流通プラットフォーム対処法', source: LAW_URLS.jouhouPlatform },
    });
    expect(LAW_URLS.jouhouPlatform).toBe('https://laws.e-gov.go.jp/law/413AC0000000137');
    expect(tasks[0]?.title.ja).toContain('7日以内');
    expect(tasks[0]?.title.en).toContain('within 7 days');
  });

  it('every designated platform gets the 7-day check; non-designated sites get a 14-day check without a legal deadline', () => {
    const designated = [
      'x',
      'instagram',
      'facebook',
      'threads',
      'youtube',
      'tiktok',
      'line',
      'yahoo-chiebukuro',
      'ameba',
    ] as const;
    for (const platform of designated) {
      const [task] = tasksForStage('deletion-requested', { ...base, platforms: [platform] });
      expect(task?.dueOn, platform).toBe('2026-12-08');
      expect(task?.basis, platform).toBeDefined();
    }
    for (const platform of ['5ch', 'google-maps', 'note', 'blog', 'other'] as const) {
      const [task] = tasksForStage('deletion-requested', { ...base, platforms: [platform] });
      expect(task?.id, platform).toBe(`deletion-requested.check-site-answer.${platform}`);
      expect(task?.dueOn, platform).toBe('2026-12-15');
      expect(task?.basis, platform).toBeUndefined();
    }
  });

  it('one check per platform, even when several posts are on the same platform', () => {
    const tasks = tasksForStage('deletion-requested', { ...base, platforms: ['x', 'x', '5ch'] });
    expect(tasks.map((t) => t.id)).toEqual([
      'deletion-requested.check-platform-answer.x',
      'deletion-requested.check-site-answer.5ch',
    ]);
  });

  it('a disclosure request files the 提供命令 within days and confirms log preservation before mobile logs expire', () => {
    const tasks = tasksForStage('disclosure-requested', { ...base, postedAt: '2026-11-10' });
    const byId = Object.fromEntries(tasks.map((t) => [t.id, t]));
    expect(byId['disclosure-requested.file-provision-order']?.dueOn).toBe('2026-12-04');
    expect(byId['disclosure-requested.file-provision-order']?.basis?.article).toContain('15条');
    expect(byId['disclosure-requested.chase-access-provider-name']?.dueOn).toBe('2026-12-15');
    // Post day counts as day 1: logs expected until the day before 2027-02-10 (same as the triage deadline).
    expect(byId['disclosure-requested.confirm-log-preservation']?.dueOn).toBe('2027-02-09');
    expect(byId['disclosure-requested.confirm-log-preservation']?.basis?.article).toContain('16条');
  });

  it('when the mobile logs are already past their usual retention, log preservation is due within days', () => {
    const tasks = tasksForStage('disclosure-requested', { ...base, postedAt: '2026-08-01' });
    expect(tasks.find((t) => t.id === 'disclosure-requested.confirm-log-preservation')?.dueOn).toBe(
      '2026-12-04',
    );
  });

  it('without a post date, log preservation is still asked for within days', () => {
    const tasks = tasksForStage('disclosure-requested', base);
    expect(tasks.find((t) => t.id === 'disclosure-requested.confirm-log-preservation')?.dueOn).toBe(
      '2026-12-04',
    );
  });

  it('no log-preservation task once the poster is known', () => {
    const tasks = tasksForStage('disclosure-requested', { ...base, offenderKnownSince: '2026-11-20' });
    expect(tasks.map((t) => t.id)).not.toContain('disclosure-requested.confirm-log-preservation');
  });

  it('a criminal complaint is due on the last day of the 告訴期間, moved past holidays (刑訴法235条・55条)', () => {
    // knownSince 2026-11-02 → last day 2027-05-02 (Sunday), 05-03..05 are 祝日 → 2027-05-06.
    const tasks = tasksForStage('criminal-complaint', { ...base, offenderKnownSince: '2026-11-02' });
    expect(tasks[0]).toMatchObject({ id: 'criminal-complaint.file-complaint', dueOn: '2027-05-06' });
    expect(tasks[0]?.basis?.article).toContain('235条');
    expect(tasks[1]).toMatchObject({ id: 'criminal-complaint.confirm-acceptance', dueOn: '2026-12-31' });
  });

  it('a criminal complaint without a known poster asks staff to record when the poster became known', () => {
    const [task] = tasksForStage('criminal-complaint', base);
    expect(task).toMatchObject({ id: 'criminal-complaint.record-offender-known-date', dueOn: '2026-12-08' });
  });

  it('negotiation follows up the 内容証明 after 14 days and, with a known poster, watches the 3-year limitation', () => {
    expect(tasksForStage('negotiation', base)).toEqual([
      expect.objectContaining({ id: 'negotiation.demand-follow-up', dueOn: '2026-12-15' }),
    ]);
    const withKnown = tasksForStage('negotiation', { ...base, offenderKnownSince: '2026-11-02' });
    expect(withKnown[1]).toMatchObject({ id: 'negotiation.civil-limitation', dueOn: '2029-11-02' });
  });

  it('starting work on a case with an unknown poster asks for a decision on identification before logs are at risk', () => {
    const tasks = tasksForStage('in-progress', { ...base, postedAt: '2026-11-10' });
    expect(tasks.map((t) => [t.id, t.dueOn])).toEqual([
      ['in-progress.preserve-evidence', '2026-12-04'],
      ['in-progress.decide-on-identification', '2027-01-10'],
    ]);
  });

  it('every stage yields tasks with unique ids, both languages and real dates on or after entering', () => {
    const context = {
      enteredOn: '2026-12-01',
      platforms: ['x', '5ch'],
      postedAt: '2026-11-10',
      offenderKnownSince: '2026-11-20',
    } as const;
    for (const stage of WORKFLOW_STAGES) {
      const tasks = tasksForStage(stage, context);
      expect(new Set(tasks.map((t) => t.id)).size, stage).toBe(tasks.length);
      for (const task of tasks) {
        expect(task.id.startsWith(`${stage}.`), task.id).toBe(true);
        expect(task.title.ja.length, task.id).toBeGreaterThan(0);
        expect(task.title.en.length, task.id).toBeGreaterThan(0);
        expect(task.dueOn >= context.enteredOn, task.id).toBe(true);
      }
    }
    expect(tasksForStage('closed', context)).toEqual([]);
    expect(tasksForStage('withdrawn', context)).toEqual([]);
  });
});
