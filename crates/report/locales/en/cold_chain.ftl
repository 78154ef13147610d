# Messages of the cold_chain rule family (English).
