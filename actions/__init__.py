"""Custom actions for the vertebroplasty assistant (rasa-sdk)."""
