import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { CommitWorker } from '../../src/intake/commit-worker.ts';
import { IntakeDb, type NewRequest } from '../../src/intake/db.ts';
import { GroupCommitWriter } from '../../src/intake/writer.ts';
import { tempDir } from './intake-helpers.ts';

function request(key: string | null, bodyHash = 'h'): NewRequest {
  return {
    idempotencyKey: key,
    bodyHash: key && bodyHash,
    serviceCode: 'recovery-callback',
    requestedAt: '2026-01-12T15:00:00Z',
    expectedStart: null,
    expectedEnd: null,
    serviceNotice: 'notice',
    firstName: null,
    phone: '+16175550123',
    attributes: { for: 'me' },
  };
}

describe('the writer thread and group commit', () => {
  const { dir, remove } = tempDir();
  afterAll(remove);

  it('commits batches, keeps keys exact, and survives its thread dying', async () => {
    const path = join(dir, 'intake.sqlite');
    const reader = new IntakeDb(path, 'BOS');
    const committer = await CommitWorker.start(path, 'BOS');
    const writer = new GroupCommitWriter((requests) => committer.commit(requests));

    // Fifty at once: one batch in the air, the rest in the next; the same key twice waits.
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => writer.write(request(`k${i}`))),
      writer.write(request('k7')),
      writer.write(request('k8', 'other body')),
    ]);
    expect(reader.count()).toBe(50);
    const ids = outcomes.map((o) => (o.kind === 'stored' ? o.receipt.id : o.kind));
    expect(ids[50]).toBe(ids[7]);
    expect(outcomes[50]).toMatchObject({ replayed: true });
    expect(ids[51]).toBe('key-reused');
    // After the commit the database itself answers for a key.
    expect(await writer.write(request('k3'))).toMatchObject({ replayed: true });
    expect(await writer.write(request('k3', 'changed'))).toEqual({ kind: 'key-reused' });

    const thread = (committer as unknown as { worker: Worker }).worker;
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    await thread.terminate();
    await exited;
    expect(await writer.write(request('after'))).toMatchObject({ kind: 'stored' });
    expect(reader.count()).toBe(51);

    await writer.drain();
    await committer.close();
    await expect(committer.commit([request('late')])).rejects.toThrow(/closed/);
    reader.close();
  });
});
