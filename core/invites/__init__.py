"""Inviting someone by e-mail: services, tokens, forms, and both sides' views in one package."""
