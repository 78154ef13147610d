# Messages of the special rule family (English).
