import fs from 'node:fs';
import path from 'node:path';
import { ConsultationCreatedSchema, VictimCaseSchema } from '@mimamoru/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from './harness.js';
import { consultation, json, login, multipart, pdfWithText, pngWithText } from './intake-fixtures.js';

/** Distinctive strings put in every personal field; none may appear in stored bytes. */
const MARKERS = [
  'QXNAMEQX',
  'QXNARRATIVEQX',
  'qxmailqx@example.jp',
  'QXNOTESQX',
  'QXPOSTURLQX',
  'QXMESSAGEQX',
  'QXREPLYQX',
  'QXPNGBYTESQX',
  'QXPDFBYTESQX',
  'QXFILENAMEQX',
  '09011112222',
  'QXPOSTERQX',
  'QXREFERRALNOTEQX',
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe.each(databases)('encryption at rest on %s', (kind) => {
  let app: TestApp;
  let accessKey = '';
  beforeAll(async () => {
    app = await createTestApp(kind);
    const body = consultation('QX', {
      name: 'QXNAMEQX',
      narrative: 'QXNARRATIVEQX 匿名アカウントから毎日',
      postUrls: ['https://x.com/a/status/QXPOSTURLQX'],
      contact: { channel: 'email', email: 'qxmailqx@example.jp', phone: '09011112222', notes: 'QXNOTESQX' },
      emailAccessKey: true,
    });
    const upload = await multipart({ consultation: JSON.stringify(body) }, [
      { name: 'QXFILENAMEQX.png', type: 'image/png', bytes: pngWithText('QXPNGBYTESQX') },
      { name: 'letter.pdf', type: 'application/pdf', bytes: pdfWithText('QXPDFBYTESQX') },
    ]);
    const res = await app.app.inject({ method: 'POST', url: '/api/consultations', ...upload });
    expect(res.statusCode).toBe(201);
    const created = ConsultationCreatedSchema.parse(res.json());
    accessKey = created.accessKey;
    const { cookie, csrf } = await login(app.app, created.caseNumber, created.accessKey);
    const sent = await app.app.inject({
      method: 'POST',
      url: '/api/victim/messages',
      headers: { ...json, cookie, 'x-csrf-token': csrf },
      payload: { body: 'QXMESSAGEQX' },
    });
    expect(sent.statusCode).toBe(201);
    await app.container.services.consultantReplies.postConsultantReply({
      caseNumber: created.caseNumber,
      body: 'QXREPLYQX',
    });
    // The poster recorded on the case, and a referral to a lawyer with a note (#4 referrals).
    const { services, database } = app.container;
    const system = { type: 'system' as const, id: null };
    const staff = async (role: 'consultant' | 'lawyer') =>
      (
        await services.staff.createAccount({
          email: `${role}@example.jp`,
          role,
          displayName: role,
          actor: system,
        })
      ).account.id;
    const worker = { id: await staff('consultant'), role: 'admin' as const, teamId: null, ipHash: null };
    const lawyerId = await staff('lawyer');
    await services.lawyers.saveProfile({
      lawyerId,
      input: {
        office: '',
        specialties: [],
        regions: ['nationwide'],
        languages: ['ja'],
        capacity: 1,
        acceptsHouterasu: false,
        available: true,
      },
      actor: worker,
    });
    const { id: caseId } = await database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    await services.caseParties.addParty({
      caseId,
      input: { role: 'adverse', kind: 'handle', value: '@QXPOSTERQX' },
      actor: worker,
    });
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await services.referrals.createReferral({
      caseId,
      input: { lawyerId, shares: ['parties'], expiresOn: inAMonth, note: 'QXREFERRALNOTEQX' },
      actor: worker,
    });
    const view = VictimCaseSchema.parse(
      (await app.app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    // The data is there and readable through the API…
    expect(view.narrative).toContain('QXNARRATIVEQX');
    expect(view.messages.map((m) => m.body)).toEqual(['QXMESSAGEQX', 'QXREPLYQX']);
    expect(view.attachments[0]?.filename).toBe('QXFILENAMEQX.png');
  });
  afterAll(async () => {
    await app.close();
  });

  it('…but no stored byte (database files, WAL, blobs, outbox) contains any of it', async () => {
    const dataDir = app.config.dataDir;
    if (kind === 'sqlite') {
      // Let SQLite write its checkpoint too, so both the WAL and the main file are inspected.
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(app.container.database.db);
    } else {
      const columns = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb')
      `.execute(app.container.database.db);
      expect(columns.rows.length).toBeGreaterThan(10);
      for (const { table_name, column_name } of columns.rows) {
        const { rows } = await sql<{
          value: string | null;
        }>`select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)}`.execute(
          app.container.database.db,
        );
        const text = rows.map((r) => r.value ?? '').join('\n');
        for (const marker of [...MARKERS, accessKey])
          expect(text, `${table_name}.${column_name}`).not.toContain(marker);
      }
    }
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.includes(`${path.sep}blobs${path.sep}`))).toBe(true);
    if (kind === 'sqlite') expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const marker of [...MARKERS, accessKey]) {
        expect(
          bytes.includes(Buffer.from(marker, 'utf8')),
          `${marker} in ${path.relative(dataDir, file)}`,
        ).toBe(false);
        expect(bytes.includes(Buffer.from(marker, 'latin1'))).toBe(false);
      }
    }
  });

  it('keeps personal data out of the logs', () => {
    const logs = app.logs.join('\n');
    for (const marker of [...MARKERS, accessKey]) expect(logs).not.toContain(marker);
  });
});
