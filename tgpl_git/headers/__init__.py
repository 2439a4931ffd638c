"""Licence headers: comment styles and file types (data), prolog rules (data), the pure
engine that decides and splices, and the file layer that reads heads and writes atomically."""
