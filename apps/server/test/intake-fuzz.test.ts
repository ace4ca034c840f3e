import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, multipart, pngWithText } from './intake-fixtures.js';

async function stored(app: TestApp) {
  const db = app.container.database.db;
  const n = async (table: 'cases' | 'case_attachments' | 'jobs') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { cases: await n('cases'), attachments: await n('case_attachments'), jobs: await n('jobs') };
}

const FIELDS = Object.keys(consultation()) as (keyof ReturnType<typeof consultation>)[];

/** A valid consultation with one field replaced by a random JSON value, or removed. */
const nearValid = fc
  .record({
    field: fc.constantFrom(...FIELDS, 'contact.email', 'contact.channel', 'consent.accepted', 'extra'),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.string({ maxLength: 3000 }),
      fc.webUrl(),
    ),
  })
  .map(({ field, value }) => {
    const body: Record<string, unknown> = structuredClone(consultation('FZ')) as Record<string, unknown>;
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail) body[head] = { ...(body[head] as object), [tail]: value };
    else body[head] = value;
    return body;
  });

describe.each(databases)('fuzzing POST /api/consultations on %s', (kind) => {
  const ctx = useTestApp(kind);

  async function check(send: () => Promise<{ statusCode: number; body: string }>) {
    const before = await stored(ctx());
    const res = await send();
    expect(res.statusCode, res.body).toBeLessThan(500);
    const after = await stored(ctx());
    if (res.statusCode >= 400) expect(after).toEqual(before);
    else expect(after.cases).toBe(before.cases + 1);
  }

  it('never answers 5xx to random JSON, and stores nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        await check(() =>
          ctx().app.inject({
            method: 'POST',
            url: '/api/consultations',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(value) ?? 'null',
          }),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('never answers 5xx to near-valid consultations with one mutated field', async () => {
    await fc.assert(
      fc.asyncProperty(nearValid, async (body) => {
        await check(() =>
          ctx().app.inject({
            method: 'POST',
            url: '/api/consultations',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          }),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('never answers 5xx to random or mangled multipart bodies', async () => {
    const mangled = fc.record({
      fields: fc.dictionary(
        fc.constantFrom('consultation', 'other', '__proto__', 'constructor'),
        fc.string({ maxLength: 200 }),
        {
          maxKeys: 3,
        },
      ),
      validJson: fc.boolean(),
      files: fc.array(
        fc.record({
          name: fc.string({ maxLength: 40 }),
          type: fc.constantFrom('image/png', 'application/pdf', 'text/plain', ''),
          bytes: fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constant(pngWithText('fz'))),
        }),
        { maxLength: 3 },
      ),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(mangled, async ({ fields, validJson, files, cut }) => {
        const body = await multipart(
          validJson ? { ...fields, consultation: JSON.stringify(consultation('FZ')) } : fields,
          files.map((f) => ({ ...f, name: f.name || 'f' })),
        );
        const payload =
          cut === undefined ? body.payload : body.payload.subarray(0, cut % (body.payload.length + 1));
        await check(() =>
          ctx().app.inject({ method: 'POST', url: '/api/consultations', headers: body.headers, payload }),
        );
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 500 }),
        fc.string({ maxLength: 30 }),
        async (bytes, boundary) => {
          await check(() =>
            ctx().app.inject({
              method: 'POST',
              url: '/api/consultations',
              headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
              payload: Buffer.from(bytes),
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
