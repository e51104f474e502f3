"""GUI tests (pytest-qt); a package so its conftest does not shadow tests/conftest.py."""
