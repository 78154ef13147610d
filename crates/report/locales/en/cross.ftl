# Messages of the cross rule family (English).
