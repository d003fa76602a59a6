export * from './store.ts';
export * from './clock.ts';
export * from './outbox.ts';
