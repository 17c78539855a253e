/**
 * The {@code cryptopolicy} command-line tool: {@code lint}, {@code show}, {@code explain},
 * {@code export} and {@code probe}. The only part of cryptopolicy that prints.
 *
 * <p>Entry point: {@link dev.cryptopolicy.cli.Main#run(String[], java.io.PrintStream, java.io.PrintStream)}
 * (testable, never exits the JVM); {@code Main.main} exits with its status. Each subcommand is one
 * class implementing {@link dev.cryptopolicy.cli.Command}, registered in {@code Main.COMMANDS};
 * most extend {@code OptionCommand}, which parses options with Apache Commons CLI and handles
 * {@code --help}, usage errors and {@code --format}. Exit statuses are in
 * {@link dev.cryptopolicy.cli.ExitStatus}.
 */
package dev.cryptopolicy.cli;
