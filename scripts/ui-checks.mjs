// Named checks for the UI scripts: each runs, prints ✔ or ✖ with the start of its stack,
// and counts; the script exits non-zero when any failed.
export function createChecks() {
  const counts = { passed: 0, failed: 0 };
  async function check(name, run) {
    try {
      await run();
      counts.passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      counts.failed++;
      console.log(
        `  ✖ ${name}\n    ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 4)
          .join('\n    ')}`,
      );
    }
  }
  return { check, counts };
}
