import sys

from langforge.cli import main

sys.exit(main())
