// Prints jest's totals as one plain closing line ("N passed, N failed") that CI reads whatever the runner.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
        (skipped ? `, ${skipped} skipped` : "") +
        "\n"
    );
  }
}
module.exports = SummaryReporter;
