"""The command line's workings: portfolio judging, text, CSV, JSON Lines and HTML output.

``custrel.__main__`` parses the arguments and calls these; nothing in the library
imports this package.
"""
