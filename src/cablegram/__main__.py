"""`python -m cablegram`."""

import sys

from .cli import main

sys.exit(main())
