# Messages of the qualification rule family (English).
