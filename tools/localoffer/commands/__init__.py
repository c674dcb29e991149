"""One module per command. Each defines `cli` (a click command) over plain functions."""
