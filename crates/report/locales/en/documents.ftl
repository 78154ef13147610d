# Messages of the documents rule family (English).
