"""The handbook's search: a chunked index built after each build, and the worker behind Material's search box."""
