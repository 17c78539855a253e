package dev.cryptopolicy.engine;

import java.util.List;

/**
 * A list as written in one document: either a replacement (plain entries) or a series of edits
 * ({@code +X} adds, {@code -X} removes) of the inherited list.
 *
 * @param edit    true when every entry starts with {@code +} or {@code -}
 * @param entries the entries as written, with their prefixes
 * @param origin  where the list is
 */
record ListSpec(boolean edit, List<Located<String>> entries, Origin origin) {}
