"""Custom Rasa NLU components for the vertebroplasty assistant."""
