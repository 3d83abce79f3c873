export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __TALLY_TEST_SERVER__?: { stop(): Promise<void> } }).__TALLY_TEST_SERVER__?.stop();
}
