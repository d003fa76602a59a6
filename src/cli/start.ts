/**
 * `npm start`: serves the built site on http://localhost:4321 and the local Open311 intake
 * server on http://127.0.0.1:8311 together, so the callback form works end to end. Stops both
 * when either stops or on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const node = process.execPath;
const children: ChildProcess[] = [
  spawn(node, ['src/intake/server.ts'], { stdio: 'inherit' }),
  // As a static host serves it, with the headers the build wrote to dist/_headers.
  spawn(node, ['src/cli/static-server.ts', 'dist', '--port', '4321'], { stdio: 'inherit' }),
];

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // Give the intake server time to finish what it is writing, then leave.
  setTimeout(() => process.exit(code), 3_000).unref();
}

for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
