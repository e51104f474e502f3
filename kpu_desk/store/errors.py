"""Database problems, said in words an office clerk understands."""


class StoreError(Exception):
    """The database cannot be used; the message (Bahasa Indonesia) says why and what to do."""
