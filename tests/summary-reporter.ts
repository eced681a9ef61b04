import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with the plain line CI reads: "N passed, N failed, N skipped". */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const retried: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        const state = result.state;
        if (state === 'passed' && test.diagnostic()?.flaky) {
          const first = (result.errors ?? []).map((e) => e.message.split('\n')[0]).join(' / ');
          retried.push(`${module.moduleId} > ${test.fullName}\n    first try: ${first}`);
        }
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed++;
    }
    // Passed, but only when run again (the browser tests' one retry), with what the first try said.
    if (retried.length > 0)
      console.log(`\npassed only on a second try (${retried.length}):\n  ${retried.join('\n  ')}`);
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
