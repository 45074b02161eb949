"""Resolution stages: actors (who), dates (when), places (where)."""
