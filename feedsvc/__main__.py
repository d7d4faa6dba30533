"""`python -m feedsvc` is the `feedsvc` command."""

import sys

from feedsvc.cli import main

sys.exit(main())
