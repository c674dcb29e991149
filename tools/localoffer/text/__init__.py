"""Plain-English measures of text."""
