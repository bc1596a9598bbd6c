"""The project's entry point: `python -m vertebro <rasa arguments>` is `rasa <rasa arguments>`
with the project's patches to Rasa internals applied first (vertebro/rasa_patches.py). The
Makefile, scripts/ and the test and bench server starters use it for every Rasa command that
loads the project's components (train, run, shell, test, data validate); the action server
(`rasa run actions`) needs no patch; it is started with `python -m logconf rasa run actions`
for the same JSON logs.
"""

import sys

from vertebro import rasa_patches


def main() -> None:
    if sys.argv[1:2] == ["run"]:
        # A server (Rasa or the action server): one JSON object a line, identifiers redacted
        # (logconf/). Training, tests and `make shell` keep Rasa's terminal output.
        import logconf

        logconf.install()
    rasa_patches.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
