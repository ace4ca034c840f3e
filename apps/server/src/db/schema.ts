import type { Generated } from 'kysely';

/**
 * A triage the person chose to keep. Only the answers are stored, sealed with a key that only
 * the person holds; the result is recomputed on every read.
 */
export interface SavedTriageTable {
  /** Random, 128-bit, base64url. */
  id: string;
  /** SHA-256 (hex) of the 256-bit access key; the key itself is never stored. */
  key_hash: string;
  /** AES-256-GCM of the answers JSON, key = HKDF-SHA256(access key, salt = id): `v1.<iv>.<ciphertext>.<tag>`. */
  answers_ciphertext: string;
  /** ISO-8601 UTC. */
  created_at: string;
  /** ISO-8601 UTC; the row is erased after this instant. */
  expires_at: string;
}

/** A consultation. `*_sealed` columns are keyring ciphertext; withdrawal nulls every personal column. */
export interface CasesTable {
  /** Random UUID, never shown to the victim. */
  id: string;
  /** MM-XXXX-XXXX, random (see core CASE_NUMBER_PATTERN). */
  case_number: string;
  /** One of core CASE_STATUSES. */
  status: string;
  /** argon2id of the access key; null once withdrawn. */
  access_key_hash: string | null;
  /** HMAC-SHA256 (hex) of the lower-cased contact email, to find a case for a key reset without decrypting. */
  email_hash: string | null;
  locale: string;
  privacy_policy_version: string;
  /** email | phone | in-app: plain, needed to route notices. */
  channel: string | null;
  /** JSON arrays of core PLATFORMS / GOALS ids: plain, for staff filters. */
  platforms: string | null;
  goals: string | null;
  name_sealed: string | null;
  narrative_sealed: string | null;
  /** Sealed JSON array of URLs. */
  post_urls_sealed: string | null;
  happened_at_sealed: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  contact_notes_sealed: string | null;
  /** Sealed JSON of the Guide's answers. */
  triage_sealed: string | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  withdrawn_at: string | null;
  /** Staff workflow stage, one of core WORKFLOW_STAGES; `status` is derived from it (victimStatusOf). */
  stage: Generated<string>;
  /** The consultant (or admin) working on the case. */
  assignee_id: string | null;
  /** 1 while a consultant waits for the victim's answer (shown as `awaiting-victim`), else 0. */
  awaiting_victim: Generated<number>;
  /** Day (YYYY-MM-DD) the victim learned who the poster is; starts the 告訴期間 and the limitation. */
  offender_known_since: string | null;
  /** Core casePriority, computed at every write from the sealed intake and facts, so the queue sorts in SQL. */
  priority_score: Generated<number>;
  /** urgent | high | normal */
  priority_level: Generated<string>;
  /** Nearest legal deadline not yet passed when last written (core DeadlineId and YYYY-MM-DD). */
  next_deadline_id: string | null;
  next_deadline_on: string | null;
  /** Incremented on every staff change, for optimistic concurrency. */
  version: Generated<number>;
  /** The team whose consultants see and work the case (default team `default`; no FK, see migration 0007). */
  team_id: Generated<string>;
  /** How it came in: web | phone | email | walk-in | letter (core INTAKE_CHANNELS). Not the contact `channel`. */
  intake_channel: Generated<string>;
  /** The staff member who opened the case for someone who phoned or wrote; null for the web form. */
  opened_by: string | null;
  /** When the statistics facets (case_facets) were written; null until then (filled in at start). */
  facets_at: string | null;
  /** When the case last entered resolved or closed (retention counts from it); null while open or reopened. */
  closed_at: string | null;
  /** When personal data was erased (retention or the victim's request); the row keeps only non-personal columns. */
  erased_at: string | null;
  /** retention | victim-request */
  erasure_reason: string | null;
}

export interface CaseMessagesTable {
  id: string;
  case_id: string;
  /** victim | consultant */
  author: string;
  body_sealed: string;
  created_at: string;
}

/** An attachment's record; the bytes live in the blob store under `sha256` (shared by identical files). */
export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  sha256: string;
  size: number;
  /** Detected from the bytes, one of core ATTACHMENT_LIMITS.types. */
  content_type: string;
  filename_sealed: string;
  created_at: string;
}

export interface VictimSessionsTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  case_id: string;
  /** SHA-256 (hex) of the CSRF token returned at login. */
  csrf_token_hash: string;
  created_at: string;
  /** Idle expiry, pushed forward on every use. */
  expires_at: string;
}

export interface AccessKeyResetsTable {
  id: string;
  case_id: string;
  /** SHA-256 (hex) of the 256-bit emailed token. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** Set when the token was redeemed; a token works once. */
  used_at: string | null;
}

/** Fixed-window counters for rate limits; `key` is `<purpose>:<sha256 of ip or case number>`. */
export interface AuthFailuresTable {
  key: string;
  window_start: string;
  count: number;
}

/** The job queue (jobs/): a row per job, claimed by one worker at a time. */
export interface JobsTable {
  /** Random UUID, generated by the application. */
  id: string;
  /** A declared job type, e.g. `mail.send`. */
  type: string;
  /** Keyring-sealed JSON (context `jobs.payload:<id>`); '' once done, so no personal data lingers. */
  payload: string;
  /** pending | running | done | failed */
  status: string;
  /** Runs started so far (incremented when claimed). */
  attempts: number;
  max_attempts: number;
  /** ISO-8601 UTC: not claimed before this instant (backoff after a failure). */
  run_at: string;
  /** ISO-8601 UTC lease of a running job; after it, another worker may claim it again. */
  locked_until: string | null;
  /** Error name, code and a redacted message of the last failure; never payload data. */
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Random secrets for keyed lookups (e.g. `cases.email_hash`), sealed by the keyring. The plaintext
 * never changes, so hashes made with it stay valid when master keys rotate.
 */
export interface LookupKeysTable {
  purpose: string;
  key_sealed: string;
  created_at: string;
}

/** A staff member. Created without credentials; the setup link sets the password and enrols TOTP. */
export interface StaffAccountsTable {
  /** Random UUID. */
  id: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  display_name: string;
  /** admin | consultant | lawyer */
  role: string;
  /** argon2id; null until setup. */
  password_hash: string | null;
  /** Base32 TOTP secret, keyring-sealed (context `staff_accounts.totp_secret:<id>`); null until setup. */
  totp_secret: string | null;
  /** Set when the first code was confirmed; login needs it. */
  totp_enrolled_at: string | null;
  /** TOTP time step of the last accepted code: a code is accepted once (no replay). */
  totp_last_step: number | null;
  /** JSON array of SHA-256 (hex) of the unused recovery codes (each 80 random bits). */
  recovery_code_hashes: string | null;
  /** Failed logins since the last success or lock; 5 locks the account. */
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** Incremented on every change, for optimistic concurrency. */
  version: number;
  /** A consultant's team (they see its cases); admins may have one, lawyers none. */
  team_id: string | null;
}

/** A team of consultants; cases belong to one team. `default` exists from the start (migration 0007). */
export interface TeamsTable {
  /** `default`, or a random UUID. */
  id: string;
  /** Unique. */
  name: string;
  created_at: string;
}

export interface StaffSetupTokensTable {
  /** SHA-256 (hex) of the 256-bit token in the setup link. */
  hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  /** Set once TOTP enrolment is confirmed; the link then no longer works. */
  used_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  account_id: string;
  csrf_token_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Idle expiry, pushed forward on every use (never past created_at + 12 h). */
  expires_at: string;
  revoked_at: string | null;
  /** HMAC-SHA256 (hex) of the client IP at login; the IP itself is never stored. */
  ip_hash: string | null;
}

/** Who did what, when, from where. Append-only: triggers refuse UPDATE and DELETE. */
export interface AuditLogTable {
  /** Sortable id (time-ordered). */
  id: string;
  at: string;
  /** staff | victim | system */
  actor_type: string;
  actor_id: string | null;
  /** `<feature>.<verb>`, e.g. `staff.login`, `audit.exported`. */
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** HMAC-SHA256 (hex) of the client IP. */
  ip_hash: string | null;
  /** JSON of ids and codes only, never personal data. */
  detail: string | null;
}

/** An internal note on a case: staff only, never shown to the victim. */
export interface CaseNotesTable {
  id: string;
  case_id: string;
  author_id: string | null;
  /** Keyring-sealed (context `case_notes.body_sealed:<id>`). */
  body_sealed: string;
  created_at: string;
}

/** A task created when a case entered a stage (core tasksForStage); one per core task id and case. */
export interface CaseTasksTable {
  id: string;
  case_id: string;
  /** Core StageTask id, e.g. `deletion-requested.check-platform-answer.x`. */
  task_id: string;
  title_ja: string;
  title_en: string;
  /** YYYY-MM-DD (Japan). */
  due_on: string;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
}

/** The case timeline: stage changes, assignment, replies, offender recorded. `detail` is ids and codes only. */
export interface CaseEventsTable {
  id: string;
  case_id: string;
  actor_id: string | null;
  /** stage-changed | assigned | reply-sent | offender-recorded | task-done */
  type: string;
  /** JSON of ids, codes and dates; never personal data. */
  detail: string | null;
  created_at: string;
}

/** A period the first-response SLA does not count (waiting for the victim); `to_at` null while open. */
export interface SlaPausesTable {
  id: string;
  case_id: string;
  from_at: string;
  to_at: string | null;
}

/**
 * Plain, non-identifying codes of a case for statistics (migration 0011): `platform` (core PLATFORMS)
 * and `category` (core CATEGORIES, from the sealed Guide answers). Deleted with the case's personal data.
 */
export interface CaseFacetsTable {
  case_id: string;
  /** platform | category */
  kind: string;
  value: string;
}

/** A partner lawyer's directory entry (one per staff account of role lawyer). JSON columns hold closed-list ids. */
export interface LawyerProfilesTable {
  account_id: string;
  /** The law office: public information, not sealed. */
  office: string;
  /** JSON array of contracts LAWYER_SPECIALTIES. */
  specialties: string;
  /** JSON array of prefecture codes ('01'…'47') or 'nationwide'. */
  regions: string;
  /** JSON array of contracts LAWYER_LANGUAGES. */
  languages: string;
  /** Accepted referrals the lawyer takes at once. */
  capacity: number;
  /** 1 when the lawyer takes 法テラス (civil legal aid) cases. */
  accepts_houterasu: number;
  /** 1 while the lawyer takes new referrals. */
  available: number;
  updated_at: string;
  version: Generated<number>;
}

/** A party recorded on a case: the poster's handle, name or URL (adverse), or a client. Removal sets `deleted_at`. */
export interface CasePartiesTable {
  id: string;
  case_id: string;
  /** adverse | client */
  role: string;
  /** handle | name | url */
  kind: string;
  /** Keyring-sealed (context `case_parties.value_sealed:<id>`). */
  value_sealed: string;
  created_by: string | null;
  created_at: string;
  deleted_by: string | null;
  deleted_at: string | null;
}

/** A part of a case shared with a partner lawyer, until `expires_on` (inclusive, Japan). */
export interface ReferralsTable {
  id: string;
  case_id: string;
  lawyer_id: string;
  /** pending | accepted | declined | withdrawn | completed (`expired` is computed from expires_on). */
  status: string;
  /** JSON array of contracts REFERRAL_SECTIONS. */
  shares: string;
  /** YYYY-MM-DD (Japan): the last day the share is live. */
  expires_on: string;
  /** The consultant's note to the lawyer, keyring-sealed. */
  note_sealed: string | null;
  /** JSON of the conflict hits when sent: counts, roles and other referral ids only, never values. */
  conflict_hits: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  lawyer_acknowledged_at: string | null;
  created_by: string | null;
  created_at: string;
  responded_at: string | null;
  /** The lawyer's reason for declining, keyring-sealed. */
  response_note_sealed: string | null;
  /** One of contracts REFERRAL_OUTCOMES. */
  outcome: string | null;
  outcome_note_sealed: string | null;
  outcome_at: string | null;
  updated_at: string;
  version: Generated<number>;
}

/** Tables of the mimamoru database, as the migrations in db/migrations/ create them. */
/** One run of a recurring task (jobs/scheduler.ts) per period; the key makes each period run once across processes. */
export interface ScheduledRunsTable {
  /** Task name, e.g. `retention.erase-expired`. */
  task: string;
  /** ISO-8601 UTC start of the period the run is for. */
  period_start: string;
  /** running | done | failed */
  status: string;
  attempts: number;
  /** While running: the lease (another process may take over after it). When failed: not retried before it. */
  locked_until: string;
  started_at: string;
  finished_at: string | null;
  /** JSON of counts only (never personal data). */
  outcome: string | null;
  /** Error name and code of the last failure; never data. */
  last_error: string | null;
}

/** A reply text staff insert and edit before sending; no victim data, so not sealed. */
export interface ReplyTemplatesTable {
  id: string;
  title: string;
  /** ja | en: offered for cases in this language. */
  locale: string;
  /** May hold `{{caseNumber}}`, `{{consultantName}}`, `{{today}}` (core REPLY_TEMPLATE_PLACEHOLDERS). */
  body: string;
  /** Null for the templates shipped by migration 0008. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Incremented on every change, for optimistic concurrency. */
  version: Generated<number>;
  /** Set when an admin archived it: no longer offered, kept for history. */
  archived_at: string | null;
}

/** A named set of queue filters; `shared` 1 shows it to every case worker. */
export interface SavedViewsTable {
  id: string;
  owner_id: string;
  name: string;
  /** JSON of contracts SavedViewQuerySchema (the queue query without paging). */
  query: string;
  shared: Generated<number>;
  created_at: string;
}

/**
 * An offending post of a case, tracked on two tracks with core state ids (TAKEDOWN_STATES,
 * DISCLOSURE_STATES); statistics count outcomes from `takedown_state` and `disclosure_state`.
 */
export interface CasePostTargetsTable {
  id: string;
  case_id: string;
  /** Keyring-sealed URL (context `case_post_targets.url_sealed:<id>`); null once the case is erased. */
  url_sealed: string | null;
  /** Keyed hash of the normalised URL (one row per post and case); null once erased. */
  url_hash: string | null;
  /** Core PLATFORMS id. */
  platform: string;
  takedown_state: Generated<string>;
  disclosure_state: Generated<string>;
  /** Staff member who added it; null when it came from the intake's post URLs. */
  added_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/**
 * The blind search index on PostgreSQL (migration 0009, db/case-search-index.ts): per case, the keyed
 * hashes (HMAC-SHA256 under the `cases.search` lookup key, first 8 bytes) of the 2-character pieces of
 * its name and narrative, as bigints (GIN-indexed). Never text; deleted when the case is erased.
 */
export interface CaseSearchTable {
  case_id: string;
  /** Distinct, sorted; bigint[] (pg returns the values as strings). */
  tokens: string[];
}

/**
 * The blind search index on SQLite: the FTS5 rowid of each indexed case. The tokens (16 hex digits
 * each) live in the contentless FTS5 table `case_search_fts` (rowid = doc_id), which keeps no text.
 */
export interface CaseSearchDocsTable {
  doc_id: Generated<number>;
  case_id: string;
}

/** The server's Ed25519 signing keys (evidence chain heads); the newest unretired one signs. */
export interface SigningKeysTable {
  id: string;
  /** Raw 32-byte public key, hex. */
  public_key: string;
  /** Keyring-sealed raw 32-byte private key (context `signing_keys.private_key_sealed:<id>`). */
  private_key_sealed: string;
  /** SHA-256 (hex) of the raw public key. */
  fingerprint: string;
  created_at: string;
  retired_at: string | null;
}

/** One link of a case's evidence hash chain. Append-only: UPDATE refused; DELETE only once the case is erased. */
export interface EvidenceEntriesTable {
  id: string;
  case_id: string;
  /** 1-based, unique per case. */
  seq: number;
  /** add | correct | remove */
  type: string;
  item_id: string;
  at: string;
  /** SHA-256 (hex) of the entry's canonical JSON. */
  hash: string;
  /** The previous entry's hash, or 64 zeros for seq 1. */
  prev: string;
  /** Keyring-sealed canonical JSON of the entry (context `evidence_entries.entry_sealed:<id>`). */
  entry_sealed: string;
}

/** The signed head of a case's evidence chain. */
export interface EvidenceHeadsTable {
  case_id: string;
  seq: number;
  hash: string;
  /** Ed25519 signature (hex) over core headMessage(caseId, seq, hash). */
  signature: string;
  key_id: string;
  signed_at: string;
}

/** A file of a case's evidence; the bytes (as received, never altered) live in the blob store under `sha256`. */
export interface EvidenceFilesTable {
  id: string;
  case_id: string;
  sha256: string;
  size: number;
  content_type: string;
  /** Keyring-sealed original file name (context `evidence_files.name_sealed:<id>`). */
  name_sealed: string;
  created_at: string;
}

/** An RFC 3161 timestamp token over a chain entry's hash. */
export interface EvidenceTimestampsTable {
  id: string;
  case_id: string;
  seq: number;
  hash: string;
  tsa_url: string;
  /** DER TimeStampToken, base64. */
  token: string;
  gen_time: string;
  created_at: string;
}

/** A server capture of a post URL (job `evidence.capture`). */
export interface EvidenceCapturesTable {
  id: string;
  case_id: string;
  /** Keyring-sealed URL (context `evidence_captures.url_sealed:<id>`). */
  url_sealed: string;
  /** queued | running | done | failed */
  status: string;
  error_code: string | null;
  /** The evidence item the capture produced. */
  item_id: string | null;
  requested_by: string | null;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/**
 * A document generated from a case (#7); the bytes are in the blob store under `sha256`, which the case's
 * evidence chain records in the entry `chain_seq` (type `document`).
 */
export interface DocumentsTable {
  id: string;
  case_id: string;
  /** One of core DOCUMENT_KINDS. */
  kind: string;
  /** pdf | docx */
  format: string;
  sha256: string;
  size: number;
  /** staff | victim */
  generated_by_type: string;
  /** The staff account; null when the victim generated it. */
  generated_by: string | null;
  generated_at: string;
  /** For the redacted copy of a 発信者情報開示請求書: the full copy's id. */
  redacted_of: string | null;
  chain_seq: number;
}

/**
 * A post analysis run (#6). The upload and results are encrypted blobs; this row holds no personal data.
 */
export interface AnalysisRunsTable {
  id: string;
  case_id: string;
  /** queued | running | done | failed */
  status: string;
  /** file | text */
  source: string;
  /** jsonl | csv | text */
  format: string;
  upload_sha256: string;
  upload_size: number;
  /** Bytes of the upload read so far (0 … upload_size; runs finished before the one-pass reader went to 2 × upload_size). */
  progress_bytes: number;
  posts_read: number;
  /** Posts analysed (identical posts by one account merged). */
  posts: number;
  /** Posts with at least one label. */
  flagged: number;
  skipped_lines: number;
  /** JSON: counts per label, accounts, the largest number of posts by one account, skipped line numbers and codes. */
  summary: string | null;
  /** analysis.<code> when failed (empty, binary, csv-no-text-column …, internal). */
  error_code: string | null;
  requested_by: string | null;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One encrypted JSONL blob of a run's results, in order (`seq` from 0). */
export interface AnalysisResultChunksTable {
  id: string;
  run_id: string;
  case_id: string;
  seq: number;
  sha256: string;
  posts: number;
}

export interface Database {
  saved_triage: SavedTriageTable;
  jobs: JobsTable;
  cases: CasesTable;
  case_messages: CaseMessagesTable;
  case_attachments: CaseAttachmentsTable;
  victim_sessions: VictimSessionsTable;
  access_key_resets: AccessKeyResetsTable;
  auth_failures: AuthFailuresTable;
  lookup_keys: LookupKeysTable;
  staff_accounts: StaffAccountsTable;
  teams: TeamsTable;
  staff_setup_tokens: StaffSetupTokensTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  case_notes: CaseNotesTable;
  case_tasks: CaseTasksTable;
  case_events: CaseEventsTable;
  sla_pauses: SlaPausesTable;
  /** PostgreSQL only. */
  case_search: CaseSearchTable;
  /** SQLite only (with the FTS5 table case_search_fts). */
  case_search_docs: CaseSearchDocsTable;
  reply_templates: ReplyTemplatesTable;
  saved_views: SavedViewsTable;
  case_post_targets: CasePostTargetsTable;
  lawyer_profiles: LawyerProfilesTable;
  case_parties: CasePartiesTable;
  referrals: ReferralsTable;
  case_facets: CaseFacetsTable;
  scheduled_runs: ScheduledRunsTable;
  signing_keys: SigningKeysTable;
  evidence_entries: EvidenceEntriesTable;
  evidence_heads: EvidenceHeadsTable;
  evidence_files: EvidenceFilesTable;
  evidence_timestamps: EvidenceTimestampsTable;
  evidence_captures: EvidenceCapturesTable;
  documents: DocumentsTable;
  analysis_runs: AnalysisRunsTable;
  analysis_result_chunks: AnalysisResultChunksTable;
}
