"""``python -m dotterel`` runs the command line."""

from dotterel.cli import main

main()
