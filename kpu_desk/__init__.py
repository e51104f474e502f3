"""KPU Desk: the signed SOPs of a KPU office, made executable."""

__version__ = "0.1.0"
