"""Where conversations are kept (storage.tracker_store, configured in endpoints.yml)."""
