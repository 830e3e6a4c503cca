// What the UI tests share: named checks that report and count instead of stopping the run.
let passed = 0;
let failed = 0;

/** Runs one named check; a failure prints its first lines and the run goes on. */
export async function check(name, run) {
  try {
    await run();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(
      `  ✖ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n    ')}`,
    );
  }
}

/** How many checks passed and failed so far. */
export const results = () => ({ passed, failed });
