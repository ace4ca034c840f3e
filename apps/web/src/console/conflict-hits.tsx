import type { ConflictCheck } from './referrals-api.js';
import { useRT } from './referral-i18n.js';

import { ConsoleTable } from './staff-resource.js';
/**
 * The matches of a conflict check as a table: the normalised value, the side it is on here and in
 * the other case, and which case. Opposite sides are a conflict of interest; the same side means the
 * same person appears in both.
 */
export function ConflictHitsTable({ hits }: { readonly hits: ConflictCheck['hits'] }) {
  const r = useRT();
  return (
    <ConsoleTable caption={r.hits.caption} className="referral-hits">
      <thead>
        <tr>
          <th scope="col">{r.hits.value}</th>
          <th scope="col">{r.hits.here}</th>
          <th scope="col">{r.hits.there}</th>
          <th scope="col">{r.hits.otherCase}</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr key={`${hit.otherReferralId}-${hit.normalized}-${hit.ourRole}-${hit.theirRole}`}>
            <td>
              <span className="console-mono">{hit.normalized}</span>
              <br />
              <span
                className={`console-badge referral-hit-${hit.ourRole === hit.theirRole ? 'same' : 'opposed'}`}
              >
                {hit.ourRole === hit.theirRole ? r.hits.same : r.hits.opposed}
              </span>
            </td>
            <td>{r.roles[hit.ourRole]}</td>
            <td>{r.roles[hit.theirRole]}</td>
            <td className="console-mono">{hit.otherCaseNumber}</td>
          </tr>
        ))}
      </tbody>
    </ConsoleTable>
  );
}
