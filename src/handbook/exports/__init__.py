"""The study files made from the data: the Anki deck, the flashcards' cards and the PDFs."""
