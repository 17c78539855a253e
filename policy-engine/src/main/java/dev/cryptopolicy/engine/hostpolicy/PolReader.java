package dev.cryptopolicy.engine.hostpolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a crypto-policies {@code .pol} or {@code .pmod} file into directives.
 *
 * <p>Grammar (crypto-policies(7)): a directive is {@code property[@scope] = value...} on one
 * logical line; a line ending in {@code \} continues on the next; {@code #} starts a comment that
 * runs to the end of the line; values are separated by white space. A scope is {@code @name},
 * {@code @{name,name}}, or either preceded by {@code !} to mean every scope but those. Every token
 * keeps the line and column it was written at.
 */
final class PolReader {

    /** One value as written, with its place. */
    record Token(String text, Position at) {}

    /**
     * One directive.
     *
     * @param property the property name as written
     * @param scope    the scope text after {@code @}, or null when the directive has none
     * @param at       where the property name starts
     * @param scopeAt  where the scope starts, or null
     * @param values   the values, in order
     */
    record Directive(String property, String scope, Position at, Position scopeAt, List<Token> values) {}

    private PolReader() {}

    /** Reads every directive of a file; malformed lines become errors in {@code findings}. */
    static List<Directive> read(String file, String text, List<Finding> findings) {
        List<Directive> directives = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        List<Token> logical = new ArrayList<>();
        int eqCount = 0;
        Position eqAt = null;
        Position start = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            String trimmedEnd = stripEnd(content);
            boolean continues = trimmedEnd.endsWith("\\");
            if (continues) {
                trimmedEnd = trimmedEnd.substring(0, trimmedEnd.length() - 1);
            }
            int col = 0;
            while (col < trimmedEnd.length()) {
                char c = trimmedEnd.charAt(col);
                if (Character.isWhitespace(c)) {
                    col++;
                    continue;
                }
                int end = col;
                if (c == '=') {
                    end = col + 1;
                } else {
                    while (end < trimmedEnd.length()
                            && !Character.isWhitespace(trimmedEnd.charAt(end))
                            && trimmedEnd.charAt(end) != '=') {
                        end++;
                    }
                }
                Position at = new Position(file, i + 1, col + 1);
                if (start == null) {
                    start = at;
                }
                String token = trimmedEnd.substring(col, end);
                if (token.equals("=")) {
                    eqCount++;
                    if (eqAt == null) {
                        eqAt = at;
                    }
                }
                logical.add(new Token(token, at));
                col = end;
            }
            if (!continues || i == lines.length - 1) {
                if (!logical.isEmpty()) {
                    Directive d = directive(logical, eqCount, eqAt, start, findings);
                    if (d != null) {
                        directives.add(d);
                    }
                }
                logical = new ArrayList<>();
                eqCount = 0;
                eqAt = null;
                start = null;
            }
        }
        return directives;
    }

    private static Directive directive(
            List<Token> tokens, int eqCount, Position eqAt, Position start, List<Finding> findings) {
        String written = join(tokens);
        if (eqCount == 0) {
            findings.add(Finding.error(
                    start, written, "host-syntax", "a directive is 'property = value...'; this line has no '='"));
            return null;
        }
        if (eqCount > 1) {
            findings.add(Finding.error(
                    start, written, "host-syntax", "a directive has exactly one '='; this line has " + eqCount));
            return null;
        }
        int eq = 0;
        while (!tokens.get(eq).text().equals("=")) {
            eq++;
        }
        if (eq == 0) {
            findings.add(Finding.error(eqAt, written, "host-syntax", "no property name before '='"));
            return null;
        }
        if (eq > 1) {
            findings.add(Finding.error(
                    tokens.get(1).at(),
                    written,
                    "host-syntax",
                    "a property name has no spaces: '" + tokens.get(0).text() + " "
                            + tokens.get(1).text() + "'"));
            return null;
        }
        Token key = tokens.get(0);
        String property = key.text();
        String scope = null;
        Position scopeAt = null;
        int atSign = property.indexOf('@');
        if (atSign >= 0) {
            scope = property.substring(atSign + 1);
            scopeAt = new Position(key.at().file(), key.at().line(), key.at().column() + atSign);
            property = property.substring(0, atSign);
        }
        if (property.isEmpty()) {
            findings.add(Finding.error(key.at(), key.text(), "host-syntax", "no property name before '@'"));
            return null;
        }
        return new Directive(property, scope, key.at(), scopeAt, List.copyOf(tokens.subList(eq + 1, tokens.size())));
    }

    private static String join(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
