"""korantui: a keyboard-first terminal news reader."""

__version__ = "0.1.0"
