# Messages about the hash chain (English).

# CHAIN: the ledger fails verification. $seq: the first bad seq; $error: what the verifier found.
chain-broken = The ledger fails verification at seq { $seq }: { $error }. Records from there on were not reconciled.
# CHAIN: an exported file whose records all verify was re-saved around them (a byte-order mark,
# CRLF line endings). $seq: the first record whose line changed; $error: exactly what changed.
# CHAIN: a ledger directory whose records verify but disagree with its own checkpoint history (or
# whose history is damaged). $error: what was found.
chain-history = The ledger fails its own checkpoint history: { $error }. Every record was reconciled, but they are not the records that were signed.
chain-reformatted = The exported file fails verification: { $error }. Every record was reconciled.
