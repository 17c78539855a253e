package dev.cryptopolicy.provider.tls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** What is logged through {@code System.Logger} "dev.cryptopolicy" (java.util.logging underneath) while open. */
final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.cryptopolicy");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLevel() + " " + formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture() {
        logger.addHandler(handler);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** How many messages contain {@code text}. */
    long count(String text) {
        return messages.stream().filter(m -> m.contains(text)).count();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
