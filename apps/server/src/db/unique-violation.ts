/**
 * Whether a driver error is a unique-constraint violation (SQLite SQLITE_CONSTRAINT_UNIQUE or
 * PostgreSQL 23505), so use cases can retry on a random-id collision without knowing the dialect.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
