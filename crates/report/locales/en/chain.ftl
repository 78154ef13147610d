# Messages about the hash chain (English).
