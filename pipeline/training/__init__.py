"""Reproducible training of the character-level Chinese NER model (``python -m pipeline.training``)."""
