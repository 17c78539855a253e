/**
 * What the installed policy sees the application do, for operators: the {@code dev.cryptopolicy:type=Policy}
 * MXBean with the refusals counted under the enforced and the shadow policy and the size of the inventory.
 */
package dev.cryptopolicy.provider.audit;
