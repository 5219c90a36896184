from __future__ import annotations

import sys

from leangym.cli import main

sys.exit(main())
