package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import java.io.PrintStream;
import java.util.Date;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy scan --policy REF TARGET...}: what of the key stores, certificates, keys,
 * signed jars and TLS endpoints in use the policy refuses, each finding with the rule and its
 * file:line.
 */
final class ScanCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json", "sarif"};

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String summary() {
        return "find what key stores, certificates, keys, jars and TLS endpoints violate a policy";
    }

    @Override
    String synopsis() {
        return "--policy REF [--password-env VAR | --password-file F | --password P]\n"
                + "       [--format text|json|sarif] TARGET...";
    }

    @Override
    String description() {
        return """
                Reads each TARGET and asks the policy about every key (size, curve), certificate
                signature algorithm (SHA-1 included), jar digest and signature, and certificate
                validity in it. A TARGET is a key store (PKCS12, JKS, JCEKS, or BCFKS, read with
                Bouncy Castle FIPS), a PEM or DER certificate, chain or key (PEM keys in PKCS #8,
                PKCS #1 and SEC 1, and encrypted ones: PKCS #8 'ENCRYPTED PRIVATE KEY' and OpenSSL's
                'Proc-Type: 4,ENCRYPTED'), a jar (its signers and their certificates), a directory
                (scanned recursively; files are recognized by content, not name; symbolic links are
                not followed; at most 10000 files of at most 64 MiB each), or host:port (a TLS
                endpoint: the protocol and cipher suite it negotiates and the chain it presents;
                nothing is sent, and the chain is examined, not trusted).
                Certificates are checked in scope certpath, jar signers in scope jar and a server's
                chain in scope tls. Each finding names the target, the item (alias, certificate
                subject, jar entry), what is refused, the rule and the file:line:col of the rule.
                The password (of key stores and encrypted keys) is never printed; prefer
                --password-env or --password-file to --password, which other users may see in the
                process list.

                examples:
                  cryptopolicy scan --policy FUTURE --password-env STOREPASS keystore.p12 certs/ app.jar
                  cryptopolicy scan --policy DEFAULT --format sarif example.org:443 > scan.sarif

                exit status: 0 nothing violates, 1 something violates (or a policy with errors),
                2 usage error or a target that cannot be read (reported even when others violate).
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return addPasswordOptions(
                        new Options()
                                .addOption(
                                        policyOption("policy reference, e.g. DEFAULT, FUTURE or site.yaml (required)")),
                        "key store or encrypted key")
                .addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        String format = format(line, "text", FORMATS);
        List<String> targets = line.getArgList();
        if (targets.isEmpty()) {
            throw new UsageException(
                    "no target given; e.g. 'cryptopolicy scan --policy DEFAULT keystore.p12 host:443'");
        }
        char[] password = password(line);
        CompiledPolicy policy = Diagnostics.load(reference);
        Scanner scanner = new Scanner(policy, password, new Date());
        for (String target : targets) {
            scanner.scan(target);
        }
        int status = !scanner.unreadable().isEmpty()
                ? ExitStatus.USAGE
                : scanner.findings().isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
        switch (format) {
            case "json":
                return printJson(out, status, json(policy, scanner));
            case "sarif":
                Json.print(out, Sarif.scanLog(scanner.findings(), Main.version()));
                break;
            default:
                for (ScanFinding f : scanner.findings()) {
                    out.println(f.line());
                }
                out.println(scanner.scanned().size() + " item(s) scanned under policy " + policy.name() + ": "
                        + (scanner.findings().isEmpty()
                                ? "nothing violates"
                                : scanner.findings().size() + " violation(s)"));
                break;
        }
        for (String u : scanner.unreadable()) {
            err.println("cryptopolicy scan: " + u);
        }
        return status;
    }

    private static ObjectNode json(CompiledPolicy policy, Scanner scanner) {
        ObjectNode root = Json.object();
        root.put("policy", policy.name());
        root.put("violations", scanner.findings().size());
        ArrayNode findings = root.putArray("findings");
        for (ScanFinding f : scanner.findings()) {
            ObjectNode node = findings.addObject();
            node.put("target", f.target());
            node.put("item", f.item());
            node.put("kind", f.kind());
            node.put("subject", f.subject());
            node.put("rule", f.rule());
            node.put("reason", f.reason());
            node.set("origin", Json.origin(f.origin()));
            node.put("text", f.line());
        }
        ArrayNode scanned = root.putArray("scanned");
        scanner.scanned().forEach(scanned::add);
        ArrayNode unreadable = root.putArray("unreadable");
        scanner.unreadable().forEach(unreadable::add);
        return root;
    }
}
