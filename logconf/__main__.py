"""Run a server with the project's JSON logging (logging.yml, see logconf/__init__.py).

    python -m logconf rasa run --model ... [rasa's arguments]    # the Rasa server
    python -m logconf rasa run actions --actions actions ...     # the action server (rasa-sdk)

Why not Rasa's own `rasa run --logging-config-file logging.yml`: Rasa 3.6 applies that file
first and then calls `coloredlogs.install()` (rasa/__main__.py, rasa.utils.io
.configure_colored_logging), which removes every handler on the root logger that writes to
standard output or error and installs its own text handler in its place: every record would be
plain text again (a handler on the `rasa` logger alone would miss Sanic's, the project's and
the libraries' records). rasa-sdk calls `coloredlogs.install()` too.
So this launcher (`logconf.install`) applies logging.yml itself, makes `coloredlogs.install` a
no-op in this process, and asks Rasa's structlog events (Rasa 3.6 logs a few that way) to
render as JSON (FORCE_JSON_LOGGING, read by rasa.utils.log_utils when it is imported): such an
event is the `message` of a line, itself a JSON string. Then it runs Rasa's command line as
`rasa` would. Another entry point that runs Rasa's command line can call `logconf.install()`
first instead.
"""

import sys
from typing import List, Optional, Text

import logconf

USAGE = "usage: python -m logconf rasa <rasa arguments>"


def main(argv: Optional[List[Text]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "rasa":
        print(USAGE, file=sys.stderr)
        return 2
    logconf.install()
    import rasa.__main__

    sys.argv = ["rasa", *argv[1:]]
    rasa.__main__.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
