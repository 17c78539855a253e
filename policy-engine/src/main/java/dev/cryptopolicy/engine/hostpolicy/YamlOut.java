package dev.cryptopolicy.engine.hostpolicy;

import java.util.ArrayList;
import java.util.List;

/** Writes YAML text line by line, remembering for each line the crypto-policies text it came from. */
final class YamlOut {

    private final StringBuilder text = new StringBuilder();
    private final List<Position> lines = new ArrayList<>();

    /** Adds one line that came from {@code at}, with a comment naming that place when {@code note} is set. */
    void line(String yaml, Position at, String note) {
        String out = yaml;
        if (note != null) {
            StringBuilder padded = new StringBuilder(yaml);
            while (padded.length() < 40) {
                padded.append(' ');
            }
            padded.append(" # ")
                    .append(note)
                    .append(" (")
                    .append(shortName(at.file()))
                    .append(':')
                    .append(at.line())
                    .append(')');
            out = padded.toString();
        }
        text.append(out).append('\n');
        lines.add(at);
    }

    String text() {
        return text.toString();
    }

    List<Position> lines() {
        return List.copyOf(lines);
    }

    static String shortName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** A YAML scalar, quoted when plain style would change its meaning. */
    static String scalar(String s) {
        if (s.matches("[A-Za-z0-9_.+-][A-Za-z0-9_.+/*-]*")) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
