"""Praxisatlas: case model, validation, pages and exports, independent of MkDocs."""
