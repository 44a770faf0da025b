"""Documents in, resolved and sourced facts out: read → extract → resolve → write."""
