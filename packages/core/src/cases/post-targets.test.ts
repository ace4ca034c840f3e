import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_STATES,
  DISCLOSURE_TRANSITIONS,
  TAKEDOWN_STATES,
  TAKEDOWN_TRANSITIONS,
  newPostTarget,
  nextTargetState,
} from './post-targets.js';

const TAKEDOWN_ALLOWED = new Set([
  'pending → takedown-requested',
  'pending → removed',
  'takedown-requested → removed',
  'takedown-requested → refused',
  'refused → takedown-requested',
  'refused → removed',
]);

const DISCLOSURE_ALLOWED = new Set([
  'pending → disclosure-requested',
  'disclosure-requested → ip-disclosed',
  'disclosure-requested → identified',
  'disclosure-requested → refused',
  'ip-disclosed → identified',
  'ip-disclosed → refused',
  'refused → disclosure-requested',
]);

const takedownPairs = TAKEDOWN_STATES.flatMap((from) =>
  TAKEDOWN_STATES.map((to) => ({ from, to, allowed: TAKEDOWN_ALLOWED.has(`${from} → ${to}`) })),
);
const disclosurePairs = DISCLOSURE_STATES.flatMap((from) =>
  DISCLOSURE_STATES.map((to) => ({ from, to, allowed: DISCLOSURE_ALLOWED.has(`${from} → ${to}`) })),
);

describe('takedown of a post', () => {
  it('covers every pair of states and the table matches the documented moves', () => {
    expect(takedownPairs).toHaveLength(16);
    const table = TAKEDOWN_STATES.flatMap((from) =>
      (TAKEDOWN_TRANSITIONS[from] as readonly string[]).map((to) => `${from} → ${to}`),
    );
    expect(table.sort()).toEqual([...TAKEDOWN_ALLOWED].sort());
  });

  it.each(takedownPairs.filter((p) => p.allowed))('a post can go from $from to $to', ({ from, to }) => {
    expect(nextTargetState('takedown', from, to)).toEqual({ ok: true, state: to });
  });

  it.each(takedownPairs.filter((p) => !p.allowed))('a post cannot go from $from to $to', ({ from, to }) => {
    expect(nextTargetState('takedown', from, to)).toEqual({
      ok: false,
      error: { code: 'cases.target_transition_forbidden', track: 'takedown', from, to },
    });
  });
});

describe('identification of the poster of a post', () => {
  it('covers every pair of states and the table matches the documented moves', () => {
    expect(disclosurePairs).toHaveLength(25);
    const table = DISCLOSURE_STATES.flatMap((from) =>
      (DISCLOSURE_TRANSITIONS[from] as readonly string[]).map((to) => `${from} → ${to}`),
    );
    expect(table.sort()).toEqual([...DISCLOSURE_ALLOWED].sort());
  });

  it.each(disclosurePairs.filter((p) => p.allowed))('disclosure can go from $from to $to', ({ from, to }) => {
    expect(nextTargetState('disclosure', from, to)).toEqual({ ok: true, state: to });
  });

  it.each(disclosurePairs.filter((p) => !p.allowed))(
    'disclosure cannot go from $from to $to',
    ({ from, to }) => {
      expect(nextTargetState('disclosure', from, to)).toEqual({
        ok: false,
        error: { code: 'cases.target_transition_forbidden', track: 'disclosure', from, to },
      });
    },
  );
});

describe('a new offending post', () => {
  it('starts with nothing requested on either track', () => {
    expect(newPostTarget('https://x.com/foo/status/1', 'x')).toEqual({
      url: 'https://x.com/foo/status/1',
      platform: 'x',
      takedown: 'pending',
      disclosure: 'pending',
    });
  });

  it('tracks takedown and disclosure independently: a removed post can still be disclosed', () => {
    const removed = nextTargetState('takedown', 'takedown-requested', 'removed');
    const disclosed = nextTargetState('disclosure', 'pending', 'disclosure-requested');
    expect(removed.ok && disclosed.ok).toBe(true);
  });
});
