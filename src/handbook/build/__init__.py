"""What MkDocs calls: the per-build context, the macros, and the functions behind each hook."""
