# Shared messages (English): terms and phrases several families use.
