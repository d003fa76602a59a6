import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { newRequestId, newToken } from './ids.ts';

/**
 * The intake database: one SQLite file in WAL mode with synchronous=FULL, so a COMMIT has
 * reached the disk (fsync) when it returns and a 2xx is never sent for a request a crash could
 * lose. Personal data lives in this file only; the public calls read status columns only.
 */

/** A request to store; ids and token are chosen here. */
export interface NewRequest {
  idempotencyKey: string | null;
  bodyHash: string | null;
  serviceCode: string;
  requestedAt: string;
  expectedStart: string | null;
  expectedEnd: string | null;
  serviceNotice: string;
  firstName: string | null;
  phone: string;
  /** Attribute values by code; only what the person chose. */
  attributes: Record<string, string | string[]>;
}

/** What the submitter gets back, for a new or a replayed request. */
export interface StoredReceipt {
  id: string;
  token: string;
  serviceNotice: string | null;
  bodyHash: string | null;
  /** true when the idempotency key had already stored a request: this is that one. */
  replayed: boolean;
}

/** The public status of a request: nothing a person typed. */
export interface RequestStatusRow {
  id: string;
  status: string;
  serviceCode: string;
  requestedAt: string;
  updatedAt: string;
  expectedStart: string | null;
}

/** A full request, for the specialists' queue only. */
export interface FullRequestRow extends RequestStatusRow {
  expectedEnd: string | null;
  serviceNotice: string | null;
  firstName: string | null;
  phone: string;
  attributes: Record<string, string | string[]>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  token TEXT NOT NULL UNIQUE,
  idempotency_key TEXT UNIQUE,
  body_hash TEXT,
  service_code TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  requested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expected_start TEXT,
  expected_end TEXT,
  service_notice TEXT,
  first_name TEXT,
  phone TEXT NOT NULL,
  attributes TEXT NOT NULL
) STRICT;
`;

type Row = Record<string, unknown>;

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error(`Column ${column} is not text`);
}

function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

function statusRow(row: Row): RequestStatusRow {
  return {
    id: text(row, 'id'),
    status: text(row, 'status'),
    serviceCode: text(row, 'service_code'),
    requestedAt: text(row, 'requested_at'),
    updatedAt: text(row, 'updated_at'),
    expectedStart: textOrNull(row, 'expected_start'),
  };
}

function receipt(row: Row): StoredReceipt {
  return {
    id: text(row, 'id'),
    token: text(row, 'token'),
    serviceNotice: textOrNull(row, 'service_notice'),
    bodyHash: textOrNull(row, 'body_hash'),
    replayed: true,
  };
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && error.message.includes(`UNIQUE constraint failed: ${column}`);
}

export class IntakeDb {
  private readonly db: DatabaseSync;
  private readonly idPrefix: string;
  private readonly insertStatement: StatementSync;
  private readonly byKeyStatement: StatementSync;
  private readonly statusByIdStatement: StatementSync;
  private readonly byTokenStatement: StatementSync;
  private readonly countStatement: StatementSync;

  constructor(path: string, idPrefix: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.idPrefix = idPrefix;
    const mode = this.db.prepare('PRAGMA journal_mode = WAL').get() as Row | undefined;
    if (path !== ':memory:' && mode?.journal_mode !== 'wal') {
      throw new Error(`SQLite would not use WAL for ${path}`);
    }
    this.db.exec('PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    this.insertStatement = this.db.prepare(`
      INSERT INTO requests (id, token, idempotency_key, body_hash, service_code, requested_at,
        updated_at, expected_start, expected_end, service_notice, first_name, phone, attributes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING`);
    this.byKeyStatement = this.db.prepare(
      'SELECT id, token, service_notice, body_hash FROM requests WHERE idempotency_key = ?',
    );
    this.statusByIdStatement = this.db.prepare(
      `SELECT id, status, service_code, requested_at, updated_at, expected_start
       FROM requests WHERE id = ?`,
    );
    this.byTokenStatement = this.db.prepare('SELECT id FROM requests WHERE token = ?');
    this.countStatement = this.db.prepare('SELECT COUNT(*) AS n FROM requests');
  }

  /** The committed request an idempotency key created, if any. */
  findByKey(key: string): StoredReceipt | null {
    const row = this.byKeyStatement.get(key) as Row | undefined;
    return row ? receipt(row) : null;
  }

  /**
   * Stores requests in ONE transaction (group commit): one fsync for the batch, and the
   * results are returned only after COMMIT, i.e. after it is durable. Throws if the commit
   * fails, in which case nothing of the batch is stored.
   */
  insertBatch(requests: readonly NewRequest[]): StoredReceipt[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const receipts = requests.map((request) => this.insertOne(request));
      this.db.exec('COMMIT');
      return receipts;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * One row. A key that already stored a request gives that request back (replayed), which is
   * what makes a retry after a lost answer, or after a crash, return the same id.
   */
  private insertOne(request: NewRequest): StoredReceipt {
    for (let attempt = 0; ; attempt += 1) {
      const id = newRequestId(this.idPrefix);
      const token = newToken();
      try {
        const { changes } = this.insertStatement.run(
          id,
          token,
          request.idempotencyKey,
          request.bodyHash,
          request.serviceCode,
          request.requestedAt,
          request.requestedAt,
          request.expectedStart,
          request.expectedEnd,
          request.serviceNotice,
          request.firstName,
          request.phone,
          JSON.stringify(request.attributes),
        );
        if (Number(changes) === 0 && request.idempotencyKey !== null) {
          const existing = this.findByKey(request.idempotencyKey);
          if (existing) return existing;
        }
        const { serviceNotice, bodyHash } = request;
        return { id, token, serviceNotice, bodyHash, replayed: false };
      } catch (error) {
        // A random id or token collided (about one in 10^12): draw again.
        const collided =
          isUniqueViolation(error, 'requests.id') || isUniqueViolation(error, 'requests.token');
        if (!collided || attempt >= 5) throw error;
      }
    }
  }

  statusById(id: string): RequestStatusRow | null {
    const row = this.statusByIdStatement.get(id) as Row | undefined;
    return row ? statusRow(row) : null;
  }

  idByToken(token: string): string | null {
    const row = this.byTokenStatement.get(token) as Row | undefined;
    return row ? text(row, 'id') : null;
  }

  /** The specialists' queue, oldest first. */
  fullRequests(status?: string): FullRequestRow[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM requests WHERE status = ? ORDER BY seq').all(status)
        : this.db.prepare('SELECT * FROM requests ORDER BY seq').all()
    ) as Row[];
    return rows.map((row) => ({
      ...statusRow(row),
      expectedEnd: textOrNull(row, 'expected_end'),
      serviceNotice: textOrNull(row, 'service_notice'),
      firstName: textOrNull(row, 'first_name'),
      phone: text(row, 'phone'),
      attributes: JSON.parse(text(row, 'attributes')) as Record<string, string | string[]>,
    }));
  }

  count(): number {
    return Number((this.countStatement.get() as Row).n);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
