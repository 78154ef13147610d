# Messages of the codes rule family (English).
