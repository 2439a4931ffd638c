"""tgpl-git: adopt and keep a Training GPL in a git repository."""

__version__ = "0.1.0"
