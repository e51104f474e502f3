"""Paper documents, painted with reportlab (part of the core: no Qt here)."""
