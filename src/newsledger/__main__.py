"""`python -m newsledger`: the `newsledger` command."""

from .cli import main

main()
