# The `servers` fixture (real action, Rasa and web servers) lives in tests/conftest.py,
# shared with the browser tests.
