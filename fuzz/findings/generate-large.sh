#!/usr/bin/env bash
# Writes the findings that are too large to keep in git (each under the 1 MiB limit) beside the
# small ones. Run from anywhere; the files are ignored by git (see .gitignore here).
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")"
bytes=PolicyBytesFuzzTestInputs/anyBytes_loadOrAreRefusedWithALocatedError
composition=CompositionFuzzTestInputs/filesComposedByExtendsAndModifiers_loadOrAreRefusedWithALocatedError

# One 900,000-character algorithm name in a deny rule.
{
    printf 'kind: modifier\nname: LONG\ndeny:\n  - algorithm: '
    head -c 900000 /dev/zero | tr '\0' 'A'
    printf '\n'
} >"$bytes/large-deny-900000-character-name"

# 30,000 unknown algorithm names.
{
    printf 'kind: modifier\nname: MANY\nalgorithms:\n  Signature:\n'
    for ((i = 0; i < 30000; i++)); do printf '    - -X%dwithY\n' "$i"; done
} >"$bytes/large-30000-unknown-names"

# A chain of 3,000 files, each extending the next; the last extends DEFAULT.
{
    printf 'c0.yaml'
    for ((i = 0; i < 3000; i++)); do
        next="c$((i + 1)).yaml"
        ((i == 2999)) && next=DEFAULT
        printf '\n#== c%d.yaml\nkind: policy\nname: C%d\nextends: %s\n' "$i" "$i" "$next"
    done
} >"$composition/large-extends-chain-3000"

# DEFAULT followed by 100,000 :NO-SHA1 modifiers.
{
    printf 'DEFAULT'
    for ((i = 0; i < 100000; i++)); do printf ':NO-SHA1'; done
    printf '\n'
} >"$composition/large-default-and-100000-modifiers"
