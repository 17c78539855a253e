package dev.cryptopolicy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;

/**
 * Shell completion scripts (bash, zsh) and the man page, generated from the command registry
 * ({@link Main#COMMANDS}) and each command's own options, synopsis and description, so that they
 * cannot fall behind the commands. The distribution installs what {@code completion bash},
 * {@code completion zsh} and {@code man} print.
 */
final class Manual {

    /** The values listed in a {@link OptionCommand#formatOption} description: "output format: a, b (default a)". */
    private static final Pattern FORMATS = Pattern.compile("output format: ([a-z0-9-]+(?:, [a-z0-9-]+)*) \\(default");
    /** Only these characters reach a generated script: option names and format values are plain words. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Manual() {}

    /** One command as the generators see it. */
    private record Entry(String name, String summary, String synopsis, String description, List<Option> options) {}

    private static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Command c : Main.COMMANDS) {
            List<Option> options = new ArrayList<>();
            String synopsis = "";
            String description = "";
            if (c instanceof OptionCommand oc) {
                options.addAll(oc.options().getOptions());
                synopsis = oc.synopsis();
                description = oc.description().strip();
            }
            options.add(Option.builder("h")
                    .longOpt("help")
                    .desc("print this help and exit")
                    .build());
            out.add(new Entry(c.name(), c.summary(), synopsis, description, options));
        }
        return out;
    }

    /** Every spelling of an option: {@code --long} and {@code -s}. */
    private static List<String> spellings(Option o) {
        List<String> out = new ArrayList<>();
        if (o.getLongOpt() != null) {
            out.add("--" + word(o.getLongOpt()));
        }
        if (o.getOpt() != null) {
            out.add("-" + word(o.getOpt()));
        }
        return out;
    }

    /** The allowed values of a {@code --format} option, or none. */
    private static List<String> values(Option o) {
        Matcher m = o.getDescription() == null ? null : FORMATS.matcher(o.getDescription());
        if (m == null || !m.find()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : m.group(1).split(", ")) {
            out.add(word(v));
        }
        return out;
    }

    private static String word(String text) {
        if (!WORD.matcher(text).matches()) {
            throw new IllegalStateException("not a plain word for a shell script: " + text);
        }
        return text;
    }

    // ---- bash ----------------------------------------------------------------------------------

    /** The bash completion script: commands, then each command's options and {@code --format} values; files otherwise. */
    static String bash() {
        List<Entry> entries = entries();
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for cryptopolicy ")
                .append(Main.version())
                .append(", generated from its command registry by 'cryptopolicy completion bash'.\n");
        sb.append("# Install: source this file, or copy it to share/bash-completion/completions/cryptopolicy.\n");
        sb.append("_cryptopolicy() {\n");
        sb.append("    local cur prev cmd\n");
        sb.append("    cur=${COMP_WORDS[COMP_CWORD]}\n");
        sb.append("    prev=${COMP_WORDS[COMP_CWORD-1]}\n");
        sb.append("    if [ \"$COMP_CWORD\" -eq 1 ]; then\n");
        sb.append("        COMPREPLY=($(compgen -W '")
                .append(String.join(" ", names(entries)))
                .append(" help --help --version' -- \"$cur\"))\n");
        sb.append("        return 0\n");
        sb.append("    fi\n");
        sb.append("    cmd=${COMP_WORDS[1]}\n");
        sb.append("    case \"$cmd\" in\n");
        for (Entry e : entries) {
            List<String> all = new ArrayList<>();
            List<String> valued = new ArrayList<>();
            StringBuilder formats = new StringBuilder();
            for (Option o : e.options()) {
                all.addAll(spellings(o));
                if (o.hasArg()) {
                    valued.addAll(spellings(o));
                }
                List<String> values = values(o);
                if (!values.isEmpty()) {
                    formats.append("            ")
                            .append(String.join("|", spellings(o)))
                            .append(")\n");
                    formats.append("                COMPREPLY=($(compgen -W '")
                            .append(String.join(" ", values))
                            .append("' -- \"$cur\")); return 0 ;;\n");
                }
            }
            sb.append("        ").append(word(e.name())).append(")\n");
            sb.append("            case \"$prev\" in\n").append(formats);
            if (!valued.isEmpty()) {
                sb.append("            ").append(String.join("|", valued)).append(")\n");
                sb.append("                COMPREPLY=($(compgen -f -- \"$cur\")); return 0 ;;\n");
            }
            sb.append("            esac\n");
            sb.append("            COMPREPLY=($(compgen -W '")
                    .append(String.join(" ", all))
                    .append("' -- \"$cur\") ")
                    .append("$(compgen -f -- \"$cur\"))\n");
            sb.append("            ;;\n");
        }
        sb.append("        help)\n");
        sb.append("            COMPREPLY=($(compgen -W '")
                .append(String.join(" ", names(entries)))
                .append("' -- \"$cur\"))\n");
        sb.append("            ;;\n");
        sb.append("    esac\n");
        sb.append("    return 0\n");
        sb.append("}\n");
        sb.append("complete -o filenames -F _cryptopolicy cryptopolicy\n");
        return sb.toString();
    }

    private static List<String> names(List<Entry> entries) {
        return entries.stream().map(e -> word(e.name())).toList();
    }

    // ---- zsh -----------------------------------------------------------------------------------

    /** The zsh completion function ({@code _cryptopolicy}, for a directory on {@code $fpath}). */
    static String zsh() {
        List<Entry> entries = entries();
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef cryptopolicy\n");
        sb.append("# zsh completion for cryptopolicy ")
                .append(Main.version())
                .append(", generated from its command registry by 'cryptopolicy completion zsh'.\n");
        sb.append("# Install: copy to a directory on $fpath as _cryptopolicy.\n");
        sb.append("_cryptopolicy() {\n");
        sb.append("    local -a commands\n");
        sb.append("    commands=(\n");
        for (Entry e : entries) {
            sb.append("        '")
                    .append(word(e.name()))
                    .append(':')
                    .append(zshText(e.summary()))
                    .append("'\n");
        }
        sb.append("    )\n");
        sb.append("    if (( CURRENT == 2 )); then\n");
        sb.append("        _describe -t commands 'cryptopolicy command' commands\n");
        sb.append("        _arguments '--help[print the help and exit]' '--version[print the version and exit]'\n");
        sb.append("        return\n");
        sb.append("    fi\n");
        sb.append("    local cmd=${words[2]}\n");
        sb.append("    shift words\n");
        sb.append("    (( CURRENT-- ))\n");
        sb.append("    case $cmd in\n");
        for (Entry e : entries) {
            sb.append("        ").append(word(e.name())).append(")\n");
            sb.append("            _arguments -s");
            for (Option o : e.options()) {
                String text = zshText(o.getDescription() == null ? "" : o.getDescription());
                List<String> values = values(o);
                String action = !o.hasArg()
                        ? ""
                        : values.isEmpty()
                                ? ":" + word(argName(o)) + ":_files"
                                : ":" + word(argName(o)) + ":(" + String.join(" ", values) + ")";
                for (String spelling : spellings(o)) {
                    sb.append(" \\\n                '")
                            .append(spelling)
                            .append('[')
                            .append(text)
                            .append(']')
                            .append(action)
                            .append('\'');
                }
            }
            sb.append(" \\\n                '*:file:_files'\n");
            sb.append("            ;;\n");
        }
        sb.append("        help)\n");
        sb.append("            _describe -t commands 'cryptopolicy command' commands\n");
        sb.append("            ;;\n");
        sb.append("    esac\n");
        sb.append("}\n");
        sb.append("_cryptopolicy \"$@\"\n");
        return sb.toString();
    }

    private static String argName(Option o) {
        return o.getArgName() == null ? "value" : o.getArgName().toLowerCase(Locale.ROOT);
    }

    /** Text inside single quotes and square brackets of a zsh spec: no quote, bracket, colon or backslash. */
    private static String zshText(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append("'[]:\\`$".indexOf(c) >= 0 || c < 0x20 ? ' ' : c);
        }
        return sb.toString().strip();
    }

    // ---- man -----------------------------------------------------------------------------------

    /** The man page, cryptopolicy(1), in roff: every command with its synopsis, description and options. */
    static String man() {
        List<Entry> entries = entries();
        StringBuilder sb = new StringBuilder();
        sb.append(".\\\" cryptopolicy(1), generated from the command registry by 'cryptopolicy man'.\n");
        sb.append(".TH CRYPTOPOLICY 1 \"\" \"cryptopolicy ")
                .append(roff(Main.version()))
                .append("\" \"User Commands\"\n");
        sb.append(".SH NAME\n");
        sb.append("cryptopolicy \\- check, explain, export, scan and probe YAML crypto policies enforced on the JVM\n");
        sb.append(".SH SYNOPSIS\n");
        sb.append(".B cryptopolicy\n[\\fB\\-\\-version\\fR] [\\fB\\-\\-help\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        sb.append(".SH DESCRIPTION\n");
        sb.append("A policy reference REF is a shipped name or a .yaml/.yml file, followed by any number of\n");
        sb.append(":MODIFIER parts applied left to right, e.g. DEFAULT:NO\\-SHA1 or site.yaml:ECDHE\\-ONLY.\n");
        sb.append("Exit status: 0 success, 1 the policy said no (errors, denied, violations, differences),\n");
        sb.append("2 usage error or unreadable input, 3 internal error.\n");
        sb.append(".SH COMMANDS\n");
        for (Entry e : entries) {
            sb.append(".SS ").append(roff(e.name())).append('\n');
            sb.append(".B cryptopolicy ").append(roff(e.name())).append('\n');
            if (!e.synopsis().isEmpty()) {
                sb.append(".nf\n")
                        .append(roffLines(e.synopsis().replaceAll("\n\\s+", "\n    ")))
                        .append(".fi\n");
            }
            sb.append(".PP\n").append(roff(e.summary())).append(".\n");
            if (!e.description().isEmpty()) {
                sb.append(".PP\n.nf\n").append(roffLines(e.description())).append(".fi\n");
            }
            sb.append(".PP\nOptions:\n");
            for (Option o : e.options()) {
                sb.append(".TP\n.B ").append(roff(String.join(", ", spellings(o))));
                if (o.hasArg()) {
                    sb.append(" \\fI")
                            .append(roff(o.getArgName() == null ? "VALUE" : o.getArgName()))
                            .append("\\fR");
                }
                sb.append('\n')
                        .append(roff(o.getDescription() == null ? "" : o.getDescription()))
                        .append('\n');
            }
        }
        sb.append(".SH ENVIRONMENT\n");
        sb.append(".TP\n.B ").append(Main.DEBUG_ENV).append("\nset to 1 for a stack trace of internal errors\n");
        sb.append(".TP\n.B JAVA_HOME\nthe Java runtime the launcher uses\n");
        sb.append(".SH SEE ALSO\n");
        sb.append("The README of the distribution: the policy language, the agent and the security model.\n");
        return sb.toString();
    }

    /** Text for one roff line: backslashes and hyphens escaped, a leading dot or quote neutralized. */
    private static String roff(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    private static String roffLines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(roff(line)).append('\n');
        }
        return sb.toString();
    }
}
