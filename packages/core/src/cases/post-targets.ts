import type { Platform } from '../triage/answers.js';

/**
 * Each offending post (URL) of a case is tracked on two independent tracks: its takedown and the
 * identification of its poster. A post can be removed and still be disclosed, or the reverse.
 */
export const TAKEDOWN_STATES = [
  /** Nothing requested yet. */
  'pending',
  /** Deletion requested (情プラ法 form, テレサ書式, 法務局 or 仮処分). */
  'takedown-requested',
  /** The post is gone (removed by the platform, the poster, or on its own). */
  'removed',
  /** The platform refused or did not act. */
  'refused',
] as const;
export type TakedownState = (typeof TAKEDOWN_STATES)[number];

/**
 * Takedown track. Beyond pending → takedown-requested → removed | refused:
 * - pending → removed: the post disappeared before anything was requested;
 * - refused → takedown-requested: asked again (another route, e.g. a 仮処分 after the form was refused);
 * - refused → removed: removed later anyway (after a court order or by the poster).
 * removed is final: a repost is a new target with its own URL.
 */
export const TAKEDOWN_TRANSITIONS = {
  pending: ['takedown-requested', 'removed'],
  'takedown-requested': ['removed', 'refused'],
  removed: [],
  refused: ['takedown-requested', 'removed'],
} as const satisfies Record<TakedownState, readonly TakedownState[]>;

export const DISCLOSURE_STATES = [
  /** Identification not pursued (yet). */
  'pending',
  /** 開示命令 (+ 提供命令) filed, or a voluntary 開示請求 sent to the site. */
  'disclosure-requested',
  /** The site disclosed the IP address and timestamp (or passed them to the access provider). */
  'ip-disclosed',
  /** The access provider disclosed the subscriber's name and address: the poster is known. */
  'identified',
  /** Refused, or impossible (logs already deleted, shared NAT). */
  'refused',
] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

/**
 * Disclosure track. Beyond pending → disclosure-requested → ip-disclosed → identified:
 * - disclosure-requested → identified: login-type SNS sometimes disclose name, phone number or email
 *   directly (情プラ法5条・8条), with no access-provider step;
 * - disclosure-requested | ip-disclosed → refused: refused by the site or access provider, or logs gone;
 * - refused → disclosure-requested: retried through the court after a voluntary request was refused.
 * identified is final.
 */
export const DISCLOSURE_TRANSITIONS = {
  pending: ['disclosure-requested'],
  'disclosure-requested': ['ip-disclosed', 'identified', 'refused'],
  'ip-disclosed': ['identified', 'refused'],
  identified: [],
  refused: ['disclosure-requested'],
} as const satisfies Record<DisclosureState, readonly DisclosureState[]>;

export const TARGET_TRACKS = ['takedown', 'disclosure'] as const;
export type TargetTrack = (typeof TARGET_TRACKS)[number];

/** State type of each track. */
export interface TargetTrackStates {
  readonly takedown: TakedownState;
  readonly disclosure: DisclosureState;
}

const TRACK_TRANSITIONS: {
  readonly [T in TargetTrack]: Readonly<Record<TargetTrackStates[T], readonly TargetTrackStates[T][]>>;
} = { takedown: TAKEDOWN_TRANSITIONS, disclosure: DISCLOSURE_TRANSITIONS };

/** One offending post of a case. */
export interface PostTarget {
  readonly url: string;
  readonly platform: Platform;
  readonly takedown: TakedownState;
  readonly disclosure: DisclosureState;
}

export interface TargetTransitionForbidden<T extends TargetTrack = TargetTrack> {
  readonly code: 'cases.target_transition_forbidden';
  readonly track: T;
  readonly from: TargetTrackStates[T];
  readonly to: TargetTrackStates[T];
}

export type TargetTransitionResult<T extends TargetTrack> =
  | { readonly ok: true; readonly state: TargetTrackStates[T] }
  | { readonly ok: false; readonly error: TargetTransitionForbidden<T> };

/** The state of one track of a post after moving it from `current` to `target`, or a typed error. */
export function nextTargetState<T extends TargetTrack>(
  track: T,
  current: TargetTrackStates[T],
  target: TargetTrackStates[T],
): TargetTransitionResult<T> {
  const allowed: readonly TargetTrackStates[T][] = TRACK_TRANSITIONS[track][current];
  if (allowed.includes(target)) return { ok: true, state: target };
  return {
    ok: false,
    error: { code: 'cases.target_transition_forbidden', track, from: current, to: target },
  };
}

/** A new target: nothing requested on either track. */
export function newPostTarget(url: string, platform: Platform): PostTarget {
  return { url, platform, takedown: 'pending', disclosure: 'pending' };
}
