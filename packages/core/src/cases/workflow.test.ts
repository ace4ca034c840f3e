import { describe, expect, it } from 'vitest';
import type { CaseStatus } from './case.js';
import { CASE_STATUSES } from './case.js';
import type { WorkflowStage } from './workflow.js';
import { WORKFLOW_STAGES, WORKFLOW_TRANSITIONS, isOpenStage, nextStage, victimStatusOf } from './workflow.js';

const ACTIONS = [
  'deletion-requested',
  'disclosure-requested',
  'negotiation',
  'litigation',
  'criminal-complaint',
] as const;

/** The workflow written out independently of the table, one allowed move per line. */
const ALLOWED = new Set<string>([
  'new → triaged',
  'new → closed',
  'new → withdrawn',
  'triaged → in-progress',
  'triaged → closed',
  'triaged → withdrawn',
  ...ACTIONS.map((a) => `in-progress → ${a}`),
  'in-progress → resolved',
  'in-progress → closed',
  'in-progress → withdrawn',
  ...ACTIONS.flatMap((from) => ACTIONS.filter((to) => to !== from).map((to) => `${from} → ${to}`)),
  ...ACTIONS.flatMap((from) =>
    (['in-progress', 'resolved', 'closed', 'withdrawn'] as const).map((to) => `${from} → ${to}`),
  ),
  'resolved → closed',
  'resolved → in-progress',
  'closed → in-progress',
]);

const PAIRS = WORKFLOW_STAGES.flatMap((from) =>
  WORKFLOW_STAGES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from} → ${to}`) })),
);

describe('staff workflow transitions', () => {
  it('covers every pair of stages (11 × 11)', () => {
    expect(PAIRS).toHaveLength(121);
    expect(PAIRS.filter((p) => p.allowed)).toHaveLength(ALLOWED.size);
  });

  it.each(PAIRS.filter((p) => p.allowed))(
    'a consultant can move a case from $from to $to',
    ({ from, to }) => {
      expect(nextStage(from, to)).toEqual({ ok: true, stage: to });
    },
  );

  it.each(PAIRS.filter((p) => !p.allowed))(
    'a case cannot move from $from to $to (typed error)',
    ({ from, to }) => {
      expect(nextStage(from, to)).toEqual({
        ok: false,
        error: { code: 'cases.transition_forbidden', from, to },
      });
    },
  );

  it('the transition table allows exactly the documented moves', () => {
    const fromTable = new Set(
      WORKFLOW_STAGES.flatMap((from) =>
        (WORKFLOW_TRANSITIONS[from] as readonly WorkflowStage[]).map((to) => `${from} → ${to}`),
      ),
    );
    expect([...fromTable].sort()).toEqual([...ALLOWED].sort());
  });

  it('a withdrawn case is final: its data is erased, so nothing can reopen it', () => {
    expect(WORKFLOW_TRANSITIONS.withdrawn).toEqual([]);
  });

  it('the victim can withdraw from every open stage but not from resolved or closed cases', () => {
    for (const stage of WORKFLOW_STAGES) {
      expect(nextStage(stage, 'withdrawn').ok, stage).toBe(isOpenStage(stage));
    }
  });
});

describe('what the victim sees', () => {
  type Row = readonly [WorkflowStage, boolean, CaseStatus];
  const cases: readonly Row[] = [
    ['new', false, 'received'],
    ['new', true, 'received'],
    ['triaged', false, 'received'],
    ['triaged', true, 'received'],
    ['in-progress', false, 'in-progress'],
    ['in-progress', true, 'awaiting-victim'],
    ...ACTIONS.flatMap((stage): Row[] => [
      [stage, false, 'in-progress'],
      [stage, true, 'awaiting-victim'],
    ]),
    ['resolved', false, 'closed'],
    ['resolved', true, 'closed'],
    ['closed', false, 'closed'],
    ['closed', true, 'closed'],
    ['withdrawn', false, 'withdrawn'],
    ['withdrawn', true, 'withdrawn'],
  ];

  it.each(cases)('stage %s (awaiting victim: %s) is shown as %s', (stage, awaitingVictim, status) => {
    expect(victimStatusOf(stage, { awaitingVictim })).toBe(status);
  });

  it('covers every staff stage and only uses the existing victim statuses', () => {
    expect(new Set(cases.map(([stage]) => stage))).toEqual(new Set(WORKFLOW_STAGES));
    for (const [stage, awaitingVictim] of cases) {
      expect(CASE_STATUSES).toContain(victimStatusOf(stage, { awaitingVictim }));
    }
  });
});
