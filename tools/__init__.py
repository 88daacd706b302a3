"""Build steps and tasks that run outside MkDocs (see the Makefile)."""
