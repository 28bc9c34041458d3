"""``python -m wikiparse``: the ``wikiparse`` command."""

import sys

from .cli import main

sys.exit(main())
