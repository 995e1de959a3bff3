/**
 * The mdtest runner: runs test suites written in ty's Markdown test format
 * ({@code shared/mdtest/MDTEST-FORMAT.md}) against a pluggable {@link dev.typhon.mdtest.MdtestChecker}.
 *
 * <p>The jobs are split as the format is: {@link dev.typhon.mdtest.SuiteParser} scans a suite into
 * sections, tests and embedded files (§2–4, 8); {@link dev.typhon.mdtest.ConfigParser} reads the
 * {@code toml} blocks strictly (§7); {@link dev.typhon.mdtest.AssertionExtractor} finds the
 * assertion comments with the project's tokenizer and stacks them onto their lines (§6.1, 6.5);
 * {@link dev.typhon.mdtest.AssertionParser} reads one assertion (§6.2–6.4);
 * {@link dev.typhon.mdtest.DiagnosticMatcher} matches them against a file's diagnostics (§10);
 * {@link dev.typhon.mdtest.TestFileSystem} lays out each test's files (§5) and
 * {@link dev.typhon.mdtest.MdtestRunner} runs the tests and reports failures.
 *
 * <p>Not done, on purpose: inline {@code snapshot} blocks are checked for their pairing with
 * {@code # snapshot} assertions but their rendered text is not compared (that is ty's renderer), and
 * external {@code .snap} files and {@code <!-- snapshot-diagnostics -->} have no effect (tests are graded
 * by their assertions); tests with {@code [project] dependencies} (PyPI packages) and tests whose
 * checked files include a notebook ({@code ipynb}) are skipped; {@code --filter} matches the full
 * test name only, not ty's hashed contracted name; ty's own robustness passes (§11) are not run.
 *
 * <p>This is tool code: the library ({@code dev.typhon.ast}, {@code dev.typhon.semantic}) never
 * depends on it.
 */
package dev.typhon.mdtest;
