"""Custom Rasa NLU components and the dialogue policy of the vertebroplasty assistant.

Importing this package imports nothing: the pure-Python modules (the safety tiers, the red-flag
rules, the question splitter) load without Rasa. The changes to Rasa internals live in
vertebro/rasa_patches.py.
"""
