"""Passwords, secrets and signed codes."""
