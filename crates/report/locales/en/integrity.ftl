# Messages of the integrity rule family (English).
