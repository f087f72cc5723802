"""The login lockout's rules for django-axes and the client address behind proxies."""
