/**
 * The shipped policies and modifiers, as resources under {@code dev/cryptopolicy/policies/} with
 * the list of their names in {@code index.txt}. The package is opened so that the engine finds them
 * by resource name ({@code PolicySource}) from the module path as from the class path.
 */
module dev.cryptopolicy.policies {
    opens dev.cryptopolicy.policies;
}
