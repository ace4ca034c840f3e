/** A JSON value that has one canonical text form. */
export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

/**
 * Canonical JSON (the RFC 8785 / JCS subset we need): object keys sorted by UTF-16 code units, no whitespace,
 * strings escaped as JSON.stringify does, finite numbers only. Object members whose value is undefined are omitted
 * (so optional fields hash the same whether absent or undefined); undefined anywhere else is an error.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v: unknown) => {
          if (v === undefined) throw new TypeError('canonicalJson: undefined in an array');
          return canonicalJson(v);
        }).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what JCS requires.
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}
