# Messages of the stock rule family (English).
