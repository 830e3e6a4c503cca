/**
 * Work written as a generator that yields between steps, so that a caller in the extension
 * host can let other work run in between; callers with nothing to interleave run it through.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
