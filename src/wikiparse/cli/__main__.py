"""``python -m wikiparse.cli``: the ``wikiparse`` command."""

import sys

from . import main

sys.exit(main())
