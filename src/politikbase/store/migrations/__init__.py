"""Alembic migrations of the register's schema (the same scripts for every database)."""
