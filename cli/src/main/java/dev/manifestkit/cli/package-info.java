/**
 * The {@code manifestkit} command line: {@code validate} and {@code fmt}, thin over the
 * validation and core modules.
 *
 * <p>Cut along the data flow, like kubeconform's {@code main.go}: parse the arguments
 * ({@code CommandLine}), find the inputs ({@code Inputs}), read documents one at a time
 * ({@code Documents}, core's reader, on a second thread: {@code ReadAhead}), validate
 * ({@code ValidateCommand}, the validation module's {@code Validator}) or format
 * ({@code FmtCommand}, core's writer), write the report (the validation module's report writers)
 * and map the outcome to an exit code ({@link dev.manifestkit.cli.Main}). The only public entry
 * point is {@link dev.manifestkit.cli.Main}.
 */
package dev.manifestkit.cli;
