"""Model loading and our spaCy helpers."""
