"""What the whole project shares: names (`vertebro.names`), values read from config.yml and
domain.yml (`vertebro.settings`), and the guarded changes to Rasa internals
(`vertebro.rasa_patches`, applied by the entry point `python -m vertebro`).

Importing this package imports nothing else: no Rasa, no Sanic.
"""
