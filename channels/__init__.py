"""Custom Rasa input/output channels: SMS (Twilio webhook) and the waiting-room kiosk."""
