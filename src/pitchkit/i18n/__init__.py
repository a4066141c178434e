"""Languages: translation, number and date formatting, and user-facing messages."""
