# Messages about the hash chain (English).

# CHAIN: the ledger fails verification. $seq: the first bad seq; $error: what the verifier found.
chain-broken = The ledger fails verification at seq { $seq }: { $error }. Records from there on were not reconciled.
