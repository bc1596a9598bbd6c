"""Evaluation of the assistant on messages written by people who never saw its training data."""
