"""What the handbook is made of: the data models, their loading and validation, and where each item lives."""
