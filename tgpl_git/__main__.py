"""Allow ``python -m tgpl_git``."""

from tgpl_git.cli import main

raise SystemExit(main())
