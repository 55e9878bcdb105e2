// Placeholder: the interactive layer lands with its browser tests.
