package dev.manifestkit.core.yaml;

import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerException;
import org.yaml.snakeyaml.tokens.Token;

/**
 * SnakeYAML's scanner, refusing a {@code %YAML} or {@code %TAG} directive (or any other) as kubectl
 * does: a directive must be followed by a {@code ---} line, where kubectl cuts the file, so go-yaml
 * sees the directive without its document and refuses it ("did not find expected &lt;document
 * start&gt;", or "found unknown directive name").
 */
final class DirectiveRefusingScanner implements Scanner {

    static final String PROBLEM = "a directive (%YAML, %TAG): kubectl refuses it, since it cuts the file at the"
            + " --- line that must follow, leaving the directive without its document";

    private final Scanner scanner;
    /**
     * Whether the scanner is past where a directive can stand: the start of the piece. A piece is
     * read up to the end of its first document (the rest kubectl ignores), so a directive after that
     * is never reached, and the parser's many token checks need no second look.
     */
    private boolean pastDirectives;

    DirectiveRefusingScanner(Scanner scanner) {
        this.scanner = scanner;
    }

    private void refuseDirective() {
        if (pastDirectives || scanner.checkToken(Token.ID.StreamStart)) {
            return;
        }
        if (scanner.checkToken(Token.ID.Directive)) {
            throw new ScannerException(null, null, PROBLEM, scanner.peekToken().getStartMark());
        }
        pastDirectives = true;
    }

    @Override
    public boolean checkToken(Token.ID... choices) {
        refuseDirective();
        return scanner.checkToken(choices);
    }

    /** Without this, the interface's default would make an array on each of the parser's many checks. */
    @Override
    public boolean checkToken(Token.ID choice) {
        refuseDirective();
        return scanner.checkToken(choice);
    }

    @Override
    public Token peekToken() {
        refuseDirective();
        return scanner.peekToken();
    }

    @Override
    public Token getToken() {
        refuseDirective();
        return scanner.getToken();
    }

    @Override
    public void resetDocumentIndex() {
        scanner.resetDocumentIndex();
    }
}
