# Shared messages (English).

# Transitional: a finding whose sentence was built before messages had ids.
legacy = { $text }
