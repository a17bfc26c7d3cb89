"""Scorers that measure each extractor on real gold data (``newsledger evaluate NAME``)."""
