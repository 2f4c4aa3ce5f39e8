"""The text layer every text-based input format reads through."""
