"""`python -m newsledger.cli`: the `newsledger` command."""

from .app import main

main()
