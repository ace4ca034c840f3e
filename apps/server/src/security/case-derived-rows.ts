/**
 * Tables whose rows hold data derived from a case's personal fields that is NOT sealed, such as
 * blind-index search tokens (keyed hashes of name and narrative n-grams). Erasing a case (retention
 * or the victim's request, modules/retention/case-erasure.ts) deletes every row of these tables that
 * points at the case. Sealed columns need no entry here: erasure already walks the encrypted-columns
 * registry. Register at the top level of the module that owns the table (imported by container.ts),
 * as for encrypted columns and blob references.
 */
export interface CaseDerivedRows {
  readonly table: string;
  /** The column holding the case id (default `case_id`). */
  readonly caseIdColumn?: string;
}

const registry = new Map<string, Required<CaseDerivedRows>>();

export function registerCaseDerivedRows({ table, caseIdColumn = 'case_id' }: CaseDerivedRows): void {
  registry.set(table, { table, caseIdColumn });
}

/** Every registration, in table-name order. */
export function listCaseDerivedRows(): readonly Required<CaseDerivedRows>[] {
  return [...registry.values()].sort((a, b) => a.table.localeCompare(b.table));
}
