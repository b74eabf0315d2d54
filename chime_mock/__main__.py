import sys

from chime_mock.cli import main

sys.exit(main())
