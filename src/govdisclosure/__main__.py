"""`python -m govdisclosure`: the command line."""

from .cli import main

raise SystemExit(main())
