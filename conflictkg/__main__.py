"""`python -m conflictkg` runs the command-line interface."""

from conflictkg.cli import main

main()
