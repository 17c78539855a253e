package dev.cryptopolicy.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command's log output: every record on stderr as one line, {@code LEVEL logger: message}.
 * The library logs through {@code System.Logger}, which the JDK sends to {@code java.util.logging}
 * (whose default is two lines a record, the first a timestamp), and so does Bouncy Castle's JSSE.
 */
final class Logging {

    /**
     * Bouncy Castle's JSSE reports at INFO every security property it reads and warns about each
     * JDK {@code disabledAlgorithms} entry it cannot parse (the JDK's own defaults among them):
     * noise for the command's user, shown with {@link Main#DEBUG_ENV} set.
     */
    static final String BCJSSE_LOGGER = "org.bouncycastle.jsse";

    // Held so that the level set here stays: LogManager keeps loggers only weakly.
    private static final Logger BCJSSE = Logger.getLogger(BCJSSE_LOGGER);

    private Logging() {}

    /** Replaces the root logger's handlers by one that writes one line a record to stderr. */
    static void install(boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        if (!debug) {
            BCJSSE.setLevel(Level.SEVERE);
        }
    }

    /** {@code INFO dev.cryptopolicy.provider.tls.TlsEnforcement: message (cause)}, line breaks folded. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder sb = new StringBuilder();
            sb.append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName() == null ? "-" : record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record));
            if (record.getThrown() != null) {
                sb.append(" (").append(record.getThrown()).append(')');
            }
            return sb.toString().replaceAll("\\s*\\R\\s*", " ").strip() + System.lineSeparator();
        }
    }
}
