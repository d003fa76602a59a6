import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { OUTBOX_DATABASE, OUTBOX_OBJECT_STORE } from './names.ts';
import { MemoryOutboxStore, type OutboxItem, type OutboxStore } from './store.ts';

/**
 * The browser's outbox store: IndexedDB through idb-keyval, one object store of its own.
 * Kept apart from the rest of the outbox so unit tests never need a browser.
 */
export class IdbOutboxStore implements OutboxStore {
  private readonly store: UseStore;

  constructor(databaseName = OUTBOX_DATABASE, storeName = OUTBOX_OBJECT_STORE) {
    this.store = createStore(databaseName, storeName);
  }

  get(id: string): Promise<OutboxItem | undefined> {
    return get<OutboxItem>(id, this.store);
  }

  put(item: OutboxItem): Promise<void> {
    return set(item.id, item, this.store);
  }

  delete(id: string): Promise<void> {
    return del(id, this.store);
  }

  list(): Promise<OutboxItem[]> {
    return values<OutboxItem>(this.store);
  }
}

/**
 * IndexedDB where it works; memory where it does not (some private modes, blocked storage).
 * `persistent` says which, so the form can tell the person to keep the page open until sent.
 */
export async function openOutboxStore(
  databaseName?: string,
): Promise<{ store: OutboxStore; persistent: boolean }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const store = new IdbOutboxStore(databaseName);
    await store.list();
    return { store, persistent: true };
  } catch {
    return { store: new MemoryOutboxStore(), persistent: false };
  }
}
