import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __TALLY_TEST_SERVER__?: { stop(): Promise<void> } }).__TALLY_TEST_SERVER__?.stop();
  if (process.env.TALLY_TEST_BUILD) rmSync(process.env.TALLY_TEST_BUILD, { recursive: true, force: true });
}
