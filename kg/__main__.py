"""``python -m kg``: the ``kg`` command (as ``python -m kg.cli``), for environments where the console script
is not on the PATH."""

from .cli import main

if __name__ == "__main__":
    main()
